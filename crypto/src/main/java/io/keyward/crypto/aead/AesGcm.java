package io.keyward.crypto.aead;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.InvalidKeyException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM with a 128-bit tag through the JDK provider. Keys of 16, 24 or 32 bytes are accepted so
 * the Wycheproof vectors can exercise the primitive; Keyward's own formats use 32-byte keys and
 * 12-byte nonces ({@link #AES_256}).
 */
public final class AesGcm extends CheckedAead {
    public static final AesGcm AES_256 = new AesGcm(32, 12);

    private AesGcm(int keyLength, int nonceLength) {
        super("AES-" + (keyLength * 8) + "-GCM", keyLength, nonceLength);
    }

    /**
     * An instance for other key and nonce sizes. GCM (NIST SP 800-38D) defines any non-empty IV;
     * 12 bytes is the one to choose: other lengths are hashed through GHASH into the initial
     * counter and are accepted only to interoperate with existing data.
     */
    public static AesGcm of(int keyLength, int nonceLength) {
        if (keyLength != 16 && keyLength != 24 && keyLength != 32) {
            throw new InvalidKeyException("AES-GCM key must be 16, 24 or 32 bytes");
        }
        if (nonceLength < 1) {
            throw new CryptoException("AES-GCM nonce must not be empty");
        }
        return new AesGcm(keyLength, nonceLength);
    }

    @Override
    byte[] crypt(boolean encrypt, byte[] key, byte[] nonce, byte[] input, byte[] associatedData) {
        return jdk("AES/GCM/NoPadding", new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce),
                encrypt, input, associatedData);
    }
}
