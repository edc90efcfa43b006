/**
 * The user commands ({@code register}, {@code login}, {@code whoami}, {@code passwd}, {@code logout},
 * {@code org bootstrap}, {@code keystore ...}, {@code key ...}) on the SDK in {@code io.keyward.client}, and where
 * their passwords come from.
 * No session is kept between commands: each one that needs a session logs in with the password.
 */
package io.keyward.cli.user;
