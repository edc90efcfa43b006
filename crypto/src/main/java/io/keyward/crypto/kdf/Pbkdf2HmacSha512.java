package io.keyward.crypto.kdf;

import io.keyward.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * PBKDF2 with HMAC-SHA512 (RFC 8018 section 5.2) over the password's bytes as given.
 *
 * <p>BouncyCastle's generator is used rather than the JDK's {@code PBKDF2WithHmacSHA512}, which
 * takes a {@code char[]} and encodes it to UTF-8 itself, so it cannot derive from a password that
 * is not valid UTF-8 (Wycheproof has such cases, and Matrix passphrases arrive as bytes).
 *
 * @param iterations at least 1
 * @param length     derived key bytes, 1 to {@link #MAX_LENGTH}
 */
public record Pbkdf2HmacSha512(int iterations, int length) {
    public static final int MAX_LENGTH = 1024;

    public Pbkdf2HmacSha512 {
        if (iterations < 1) {
            throw new CryptoException("PBKDF2 iteration count must be at least 1");
        }
        if (length < 1 || length > MAX_LENGTH) {
            throw new CryptoException("PBKDF2 output length must be 1 to " + MAX_LENGTH + " bytes");
        }
    }

    public byte[] derive(byte[] password, byte[] salt) {
        if (password == null || salt == null) {
            throw new CryptoException("PBKDF2 needs a password and a salt");
        }
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA512Digest());
        generator.init(password, salt, iterations);
        KeyParameter key = (KeyParameter) generator.generateDerivedMacParameters(length * 8);
        return key.getKey();
    }
}
