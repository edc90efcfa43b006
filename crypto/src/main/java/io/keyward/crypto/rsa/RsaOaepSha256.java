package io.keyward.crypto.rsa;

import io.keyward.crypto.CryptoException;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * RSAES-OAEP (RFC 8017, section 7.1) with SHA-256 and MGF1-SHA-256, through the JDK provider.
 * The label is empty unless given. The parameters are spelled out because the JDK's
 * {@code OAEPWithSHA-256AndMGF1Padding} would silently use MGF1-SHA-1.
 */
public final class RsaOaepSha256 {
    private static final String TRANSFORMATION = "RSA/ECB/OAEPPadding";
    private static final int HASH_BYTES = 32;

    private RsaOaepSha256() {}

    /** The modulus length in bytes: the length of every ciphertext under this key. */
    public static int ciphertextLength(RSAKey key) {
        return (key.getModulus().bitLength() + 7) / 8;
    }

    /** The longest message this key can encrypt: k - 2 hLen - 2 (RFC 8017, 7.1.1). */
    public static int maxMessageLength(RSAKey key) {
        return ciphertextLength(key) - 2 * HASH_BYTES - 2;
    }

    public static byte[] encrypt(RSAPublicKey key, byte[] message) {
        return encrypt(key, message, new byte[0]);
    }

    /** Encrypts with a fresh random seed; the result is exactly {@link #ciphertextLength} bytes. */
    public static byte[] encrypt(RSAPublicKey key, byte[] message, byte[] label) {
        if (message.length > maxMessageLength(key)) {
            throw new CryptoException("message too long for RSA-OAEP-SHA256 with a "
                    + key.getModulus().bitLength() + "-bit key");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, parameters(label));
            return cipher.doFinal(message);
        } catch (InvalidKeyException e) {
            throw new CryptoException("RSA public key is unusable for RSA-OAEP-SHA256");
        } catch (GeneralSecurityException e) {
            throw new CryptoException("RSA-OAEP-SHA256 is unavailable: " + e.getClass().getSimpleName());
        }
    }

    public static byte[] decrypt(RSAPrivateKey key, byte[] ciphertext) {
        return decrypt(key, ciphertext, new byte[0]);
    }

    /**
     * Decrypts; a ciphertext that is not exactly the modulus length is refused before any RSA
     * operation (RFC 8017, 7.1.2 step 1b). Every failure is the same {@link RsaDecryptionException}.
     */
    public static byte[] decrypt(RSAPrivateKey key, byte[] ciphertext, byte[] label) {
        if (ciphertext.length != ciphertextLength(key)) {
            throw new RsaDecryptionException();
        }
        Cipher cipher;
        try {
            cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, parameters(label));
        } catch (InvalidKeyException e) {
            throw new CryptoException("RSA private key is unusable for RSA-OAEP-SHA256");
        } catch (GeneralSecurityException e) {
            throw new CryptoException("RSA-OAEP-SHA256 is unavailable: " + e.getClass().getSimpleName());
        }
        try {
            return cipher.doFinal(ciphertext);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new RsaDecryptionException();
        }
    }

    private static OAEPParameterSpec parameters(byte[] label) {
        return new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                new PSource.PSpecified(label == null ? new byte[0] : label));
    }
}
