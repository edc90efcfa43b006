/**
 * {@code keyward secret ...} and {@code keyward secret-key ...}: the user's secrets, encrypted on this machine
 * by the SDK ({@code io.keyward.client.secrets}) under the secret-storage key that the password unlocks.
 */
package io.keyward.cli.secret;
