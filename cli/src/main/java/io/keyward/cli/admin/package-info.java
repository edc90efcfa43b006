/**
 * {@code keyward admin ...}: commands authorized by the node's admin token (from
 * {@code KEYWARD_ADMIN_TOKEN} or {@code --admin-token-file}, never a plain option value).
 */
package io.keyward.cli.admin;
