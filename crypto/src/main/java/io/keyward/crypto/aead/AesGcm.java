package io.keyward.crypto.aead;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.InvalidKeyException;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM with a 128-bit tag through the JDK provider. Keys of 16, 24 or 32 bytes are accepted so
 * the Wycheproof vectors can exercise the primitive; Keyward's own formats use 32-byte keys and
 * 12-byte nonces ({@link #AES_256}).
 */
public final class AesGcm implements Aead {
    public static final AesGcm AES_256 = new AesGcm(32, 12);
    private static final int TAG_BYTES = 16;

    private final int keyLength;
    private final int nonceLength;

    private AesGcm(int keyLength, int nonceLength) {
        this.keyLength = keyLength;
        this.nonceLength = nonceLength;
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
    public String name() {
        return "AES-" + (keyLength * 8) + "-GCM";
    }

    @Override
    public int keyLength() {
        return keyLength;
    }

    @Override
    public int nonceLength() {
        return nonceLength;
    }

    @Override
    public int tagLength() {
        return TAG_BYTES;
    }

    @Override
    public byte[] seal(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
        return run(Cipher.ENCRYPT_MODE, key, nonce, plaintext, associatedData);
    }

    @Override
    public byte[] open(byte[] key, byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData) {
        if (ciphertextAndTag.length < TAG_BYTES) {
            throw new AuthenticationFailedException(name() + " ciphertext");
        }
        return run(Cipher.DECRYPT_MODE, key, nonce, ciphertextAndTag, associatedData);
    }

    private byte[] run(int mode, byte[] key, byte[] nonce, byte[] input, byte[] associatedData) {
        if (key.length != keyLength) {
            throw new InvalidKeyException(name() + " key must be " + keyLength + " bytes");
        }
        if (nonce.length != nonceLength) {
            throw new CryptoException(name() + " nonce must be " + nonceLength + " bytes");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
            if (associatedData != null && associatedData.length > 0) {
                cipher.updateAAD(associatedData);
            }
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new AuthenticationFailedException(name() + " ciphertext");
        } catch (GeneralSecurityException e) {
            throw new CryptoException(name() + " is unavailable: " + e.getClass().getSimpleName());
        }
    }
}
