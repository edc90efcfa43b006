package io.keyward.crypto.rsa;

import io.keyward.crypto.CryptoException;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/**
 * RSASSA-PKCS1-v1_5 (RFC 8017, section 8.2) with SHA-256, through the JDK provider. Deterministic;
 * kept for interoperability (JWS {@code RS256}, X.509). New designs should prefer
 * {@link RsaPssSha256}.
 */
public final class RsaPkcs1Sha256 {
    private static final String ALGORITHM = "SHA256withRSA";

    private RsaPkcs1Sha256() {}

    /** The signature length in bytes: the modulus length. */
    public static int signatureLength(RSAKey key) {
        return (key.getModulus().bitLength() + 7) / 8;
    }

    public static byte[] sign(RSAPrivateKey key, byte[] message) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (InvalidKeyException e) {
            throw new CryptoException("RSA private key is unusable for RSASSA-PKCS1-v1_5-SHA256");
        } catch (GeneralSecurityException e) {
            throw new CryptoException("RSASSA-PKCS1-v1_5-SHA256 signing failed: " + e.getClass().getSimpleName());
        }
    }

    /** True only for a valid signature exactly the modulus length. */
    public static boolean verify(RSAPublicKey key, byte[] message, byte[] signature) {
        if (signature == null || signature.length != signatureLength(key)) {
            return false;
        }
        Signature verifier;
        try {
            verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
        } catch (InvalidKeyException e) {
            throw new CryptoException("RSA public key is unusable for RSASSA-PKCS1-v1_5-SHA256");
        } catch (GeneralSecurityException e) {
            throw new CryptoException("RSASSA-PKCS1-v1_5-SHA256 is unavailable: " + e.getClass().getSimpleName());
        }
        try {
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException | RuntimeException e) {
            return false;
        }
    }
}
