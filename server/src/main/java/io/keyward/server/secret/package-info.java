/**
 * Client-side secret storage on the server (docs/secrets.md): key descriptions and Matrix SSSS items that
 * clients encrypted, validated for shape and size, versioned with check-and-set. Tables {@code secret_keys}
 * and {@code secret_items} (migration V30). Recovery with the recovery key lives in
 * {@code io.keyward.server.account.RecoveryService}, since it replaces the account's registration record.
 */
package io.keyward.server.secret;
