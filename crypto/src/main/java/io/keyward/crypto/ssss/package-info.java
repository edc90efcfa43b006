/**
 * Matrix secret storage ({@code m.secret_storage.v1.aes-hmac-sha2}): item encryption
 * ({@link io.keyward.crypto.ssss.AesHmacSha2}), key checks, {@code m.pbkdf2} passphrase keys
 * ({@link io.keyward.crypto.ssss.PassphraseInfo}) and recovery keys
 * ({@link io.keyward.crypto.ssss.RecoveryKey}), byte for byte as the Matrix spec defines them.
 */
package io.keyward.crypto.ssss;
