package io.keyward.client.secrets;

import io.keyward.crypto.aead.AesGcm;
import io.keyward.crypto.aead.AuthenticationFailedException;
import io.keyward.crypto.ssss.SecretStorageKey;
import io.keyward.crypto.util.Bytes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The account's key bundle, format 2 (docs/formats.md, "Key bundle"): the user's default secret-storage
 * key wrapped under the export-key-derived key-bundle key.
 *
 * <pre>
 *   0x02 || n (1 byte) || key_id (n bytes, ASCII) || nonce (12) ||
 *   AES-256-GCM(key = key_bundle_key, nonce, plaintext = secret-storage key (32),
 *               aad = "keyward/v1/key-bundle\n" || key_id)
 * </pre>
 *
 * The key id is in the AAD, so a bundle edited to name another key does not open.
 */
public final class KeyBundle {
    static final byte VERSION = 0x02;
    private static final int NONCE = 12;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An opened bundle: the key id and the key (close it when done). */
    public record Opened(String keyId, SecretStorageKey key) implements AutoCloseable {
        @Override
        public void close() {
            key.close();
        }

        @Override
        public String toString() {
            return "KeyBundle.Opened[" + keyId + ", key redacted]";
        }
    }

    private KeyBundle() {}

    public static byte[] wrap(byte[] keyBundleKey, String keyId, SecretStorageKey key) {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("a key id is 1-64 characters from [A-Za-z0-9._-]");
        }
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        byte[] plain = key.bytes();
        try {
            return Bytes.concat(new byte[] {VERSION, (byte) id.length}, id, nonce,
                    AesGcm.AES_256.seal(keyBundleKey, nonce, plain, aad(keyId)));
        } finally {
            Bytes.zeroize(plain);
        }
    }

    /** @throws SecretStorageException {@code key_bundle_invalid} when not this format or not opened by the key */
    public static Opened unwrap(byte[] keyBundleKey, byte[] bundle) {
        if (bundle == null || bundle.length < 2 || bundle[0] != VERSION) {
            throw new SecretStorageException(SecretStorageException.KEY_BUNDLE_INVALID,
                    "the account's key bundle is not a format-2 bundle (no secret-storage key)");
        }
        int n = bundle[1] & 0xff;
        if (n < 1 || bundle.length < 2 + n + NONCE + 16 + 32) {
            throw new SecretStorageException(SecretStorageException.KEY_BUNDLE_INVALID, "the account's key bundle is truncated");
        }
        String keyId = new String(bundle, 2, n, StandardCharsets.US_ASCII);
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new SecretStorageException(SecretStorageException.KEY_BUNDLE_INVALID, "the key bundle names an invalid key id");
        }
        byte[] nonce = Bytes.slice(bundle, 2 + n, NONCE);
        byte[] sealed = Bytes.slice(bundle, 2 + n + NONCE, bundle.length - 2 - n - NONCE);
        byte[] plain;
        try {
            plain = AesGcm.AES_256.open(keyBundleKey, nonce, sealed, aad(keyId));
        } catch (AuthenticationFailedException e) {
            throw new SecretStorageException(SecretStorageException.KEY_BUNDLE_INVALID,
                    "the account's key bundle does not open under this password's keys");
        }
        try {
            return new Opened(keyId, SecretStorageKey.of(plain));
        } finally {
            Bytes.zeroize(plain);
        }
    }

    /** Opens under {@code oldKey} and wraps again under {@code newKey} (a password change). */
    public static byte[] rewrap(byte[] bundle, byte[] oldKey, byte[] newKey) {
        try (Opened opened = unwrap(oldKey, bundle)) {
            return wrap(newKey, opened.keyId(), opened.key());
        }
    }

    private static byte[] aad(String keyId) {
        return ("keyward/v1/key-bundle\n" + keyId).getBytes(StandardCharsets.US_ASCII);
    }
}
