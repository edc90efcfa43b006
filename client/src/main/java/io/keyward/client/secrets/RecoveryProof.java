package io.keyward.client.secrets;

import io.keyward.crypto.kdf.HkdfSha256;
import io.keyward.crypto.sig.Ed25519Signer;
import io.keyward.crypto.ssss.SecretStorageKey;
import io.keyward.crypto.util.Base64Url;
import io.keyward.crypto.util.Bytes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The recovery proof (docs/secrets.md, "Recovery"): an Ed25519 key pair derived from the secret-storage key,
 * {@code seed = HKDF-SHA256(salt = empty, ikm = key, info = "keyward/v1/recovery-signing", L = 32)}. The server
 * keeps only the public key (the verifier); the recovery signs the server's challenge and the new values.
 */
public final class RecoveryProof {
    private static final byte[] INFO = "keyward/v1/recovery-signing".getBytes(StandardCharsets.US_ASCII);

    private RecoveryProof() {}

    /** The verifier uploaded for {@code key}: a 32-byte Ed25519 public key. */
    public static byte[] verifier(SecretStorageKey key) {
        return signer(key).publicKey();
    }

    /** Signs the recovery transcript (the server's {@code RecoveryService.transcript}). */
    public static byte[] sign(SecretStorageKey key, String org, String userKey, String recoveryId, byte[] challenge,
                              byte[] record, byte[] keyBundle) {
        byte[] transcript = ("keyward/v1/recovery\n" + org + "\n" + userKey + "\n" + recoveryId + "\n"
                + Base64Url.encode(challenge) + "\n" + Base64Url.encode(sha256(record)) + "\n"
                + Base64Url.encode(sha256(keyBundle))).getBytes(StandardCharsets.UTF_8);
        return signer(key).sign(transcript);
    }

    private static Ed25519Signer signer(SecretStorageKey key) {
        byte[] bytes = key.bytes();
        byte[] seed = HkdfSha256.derive(new byte[0], bytes, INFO, 32);
        try {
            return Ed25519Signer.fromPrivateKey(seed);
        } finally {
            Bytes.zeroize(bytes, seed);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
