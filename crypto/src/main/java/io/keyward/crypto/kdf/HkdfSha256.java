package io.keyward.crypto.kdf;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.InvalidKeyException;
import java.security.GeneralSecurityException;
import javax.crypto.KDF;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with SHA-256 (RFC 5869) through the JDK 25 {@code KDF} API. An empty or null salt means
 * HashLen zero bytes, as the RFC says; outputs are 1 to 255 * 32 = 8160 bytes.
 */
public final class HkdfSha256 {
    public static final int HASH_LENGTH = 32;
    public static final int MAX_OUTPUT_LENGTH = 255 * HASH_LENGTH;

    private HkdfSha256() {}

    /** HKDF-Extract(salt, IKM): the 32-byte pseudorandom key. */
    public static byte[] extract(byte[] salt, byte[] ikm) {
        requireIkm(ikm);
        return derive(HKDFParameterSpec.ofExtract().addIKM(ikm).addSalt(orEmpty(salt)).extractOnly());
    }

    /** HKDF-Expand(PRK, info, L); the PRK must be at least HashLen bytes (RFC 5869 section 2.3). */
    public static byte[] expand(byte[] prk, byte[] info, int length) {
        checkLength(length);
        if (prk.length < HASH_LENGTH) {
            throw new InvalidKeyException("HKDF-SHA256 pseudorandom key must be at least " + HASH_LENGTH + " bytes");
        }
        return derive(HKDFParameterSpec.expandOnly(new SecretKeySpec(prk, "HKDF-PRK"), orEmpty(info), length));
    }

    /** Extract then expand. */
    public static byte[] derive(byte[] salt, byte[] ikm, byte[] info, int length) {
        requireIkm(ikm);
        checkLength(length);
        return derive(HKDFParameterSpec.ofExtract().addIKM(ikm).addSalt(orEmpty(salt)).thenExpand(orEmpty(info), length));
    }

    /** An empty IKM is allowed (RFC 5869 puts no lower bound on it); a missing one is a bug. */
    private static void requireIkm(byte[] ikm) {
        if (ikm == null) {
            throw new CryptoException("HKDF-SHA256 needs input keying material");
        }
    }

    private static void checkLength(int length) {
        if (length < 1 || length > MAX_OUTPUT_LENGTH) {
            throw new CryptoException("HKDF-SHA256 output length must be 1 to " + MAX_OUTPUT_LENGTH + " bytes");
        }
    }

    private static byte[] derive(HKDFParameterSpec spec) {
        try {
            return KDF.getInstance("HKDF-SHA256").deriveData(spec);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("HKDF-SHA256 failed: " + e.getClass().getSimpleName());
        }
    }

    private static byte[] orEmpty(byte[] bytes) {
        return bytes == null ? new byte[0] : bytes;
    }
}
