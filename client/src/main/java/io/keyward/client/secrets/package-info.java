/**
 * Client-side secret storage (docs/secrets.md): {@link io.keyward.client.secrets.SecretStorage} encrypts items
 * on this device with Matrix {@code m.secret_storage.v1.aes-hmac-sha2} and stores them through a
 * {@link io.keyward.client.Session}; {@link io.keyward.client.secrets.KeyBundle} keeps the default
 * secret-storage key wrapped under the OPAQUE export key; {@link io.keyward.client.secrets.RecoveryProof}
 * derives the recovery verifier and signs a recovery. The server never sees a key or a plaintext.
 */
package io.keyward.client.secrets;
