package io.keyward.crypto.keywrap;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.InvalidKeyException;
import io.keyward.crypto.aead.AuthenticationFailedException;
import java.security.GeneralSecurityException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES Key Wrap with Padding (RFC 5649, NIST SP 800-38F KWP) through the JDK's
 * {@code AES/KWP/NoPadding}. Deterministic and authenticated: unwrapping checks the integrity
 * value and the padding, and fails with {@link AuthenticationFailedException} on any mismatch.
 * Wraps key material of 1 byte or more under a 16-, 24- or 32-byte key-encryption key.
 */
public final class AesKeyWrapPad {
    private static final String NAME = "AES-KWP";
    /** Semiblock size: wrapped output is a multiple of it and at least two of them. */
    private static final int SEMIBLOCK = 8;

    private AesKeyWrapPad() {}

    public static byte[] wrap(byte[] kek, byte[] keyMaterial) {
        if (keyMaterial.length == 0) {
            throw new CryptoException(NAME + " cannot wrap empty key material");
        }
        return run(Cipher.ENCRYPT_MODE, kek, keyMaterial);
    }

    public static byte[] unwrap(byte[] kek, byte[] wrapped) {
        if (wrapped.length < 2 * SEMIBLOCK || wrapped.length % SEMIBLOCK != 0) {
            throw new AuthenticationFailedException(NAME + " wrapped key");
        }
        return run(Cipher.DECRYPT_MODE, kek, wrapped);
    }

    private static byte[] run(int mode, byte[] kek, byte[] input) {
        if (kek.length != 16 && kek.length != 24 && kek.length != 32) {
            throw new InvalidKeyException(NAME + " key-encryption key must be 16, 24 or 32 bytes");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/KWP/NoPadding");
            cipher.init(mode, new SecretKeySpec(kek, "AES"));
            return cipher.doFinal(input);
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            // The JDK reports a wrong integrity check value or bad padding this way; say nothing more.
            throw new AuthenticationFailedException(NAME + " wrapped key");
        } catch (GeneralSecurityException e) {
            throw new CryptoException(NAME + " is unavailable: " + e.getClass().getSimpleName());
        }
    }
}
