package io.keyward.crypto.rsa;

import io.keyward.crypto.CryptoException;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * RSASSA-PSS (RFC 8017, section 8.1) with SHA-256, MGF1-SHA-256 and trailer field 0xBC, through
 * the JDK provider. The salt length is explicit: {@link #DIGEST_SALT_LENGTH} (32, what most
 * libraries use) or {@link #maxSaltLength} (OpenSSL's default when signing).
 */
public final class RsaPssSha256 {
    /** A salt as long as the SHA-256 digest. */
    public static final int DIGEST_SALT_LENGTH = 32;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RsaPssSha256() {}

    /** The signature length in bytes: the modulus length. */
    public static int signatureLength(RSAKey key) {
        return (key.getModulus().bitLength() + 7) / 8;
    }

    /** emLen - hLen - 2 with emLen = ceil((modBits - 1) / 8) (RFC 8017, 9.1.1): OpenSSL's "max". */
    public static int maxSaltLength(RSAKey key) {
        int emLen = (key.getModulus().bitLength() - 1 + 7) / 8;
        return emLen - HASH_BYTES - 2;
    }

    public static byte[] sign(RSAPrivateKey key, byte[] message, int saltLength) {
        checkSaltLength(key, saltLength);
        try {
            Signature signer = Signature.getInstance("RSASSA-PSS");
            signer.setParameter(parameters(saltLength));
            signer.initSign(key, RANDOM);
            signer.update(message);
            return signer.sign();
        } catch (InvalidKeyException e) {
            throw new CryptoException("RSA private key is unusable for RSASSA-PSS-SHA256");
        } catch (GeneralSecurityException e) {
            throw new CryptoException("RSASSA-PSS-SHA256 signing failed: " + e.getClass().getSimpleName());
        }
    }

    /**
     * True only if {@code signature} is a valid signature of {@code message} with exactly this salt
     * length. A signature that is not exactly the modulus length is invalid.
     */
    public static boolean verify(RSAPublicKey key, byte[] message, byte[] signature, int saltLength) {
        checkSaltLength(key, saltLength);
        if (signature.length != signatureLength(key)) {
            return false;
        }
        Signature verifier;
        try {
            verifier = Signature.getInstance("RSASSA-PSS");
            verifier.setParameter(parameters(saltLength));
            verifier.initVerify(key);
        } catch (InvalidKeyException e) {
            throw new CryptoException("RSA public key is unusable for RSASSA-PSS-SHA256");
        } catch (GeneralSecurityException e) {
            throw new CryptoException("RSASSA-PSS-SHA256 is unavailable: " + e.getClass().getSimpleName());
        }
        try {
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException | RuntimeException e) {
            return false;
        }
    }

    private static void checkSaltLength(RSAKey key, int saltLength) {
        if (saltLength < 0 || saltLength > maxSaltLength(key)) {
            throw new CryptoException("RSASSA-PSS salt length " + saltLength + " does not fit a "
                    + key.getModulus().bitLength() + "-bit key");
        }
    }

    private static PSSParameterSpec parameters(int saltLength) {
        return new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, saltLength,
                PSSParameterSpec.TRAILER_FIELD_BC);
    }
}
