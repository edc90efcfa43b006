package io.keyward.crypto.keys;

import io.keyward.crypto.CryptoException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;

/** RSA key generation, construction from components and the consistency check every import passes. */
final class RsaKeys {
    private RsaKeys() {}

    static RSAPrivateCrtKey generate(int bits, SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), random);
            return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("RSA key generation is unavailable: " + e.getClass().getSimpleName());
        }
    }

    static RSAPublicKey publicOf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("RSA is unavailable: " + e.getClass().getSimpleName());
        }
    }

    static RSAPrivateCrtKey fromComponents(BigInteger n, BigInteger e, BigInteger d, BigInteger p, BigInteger q,
            BigInteger dp, BigInteger dq, BigInteger qi) {
        try {
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new RSAPrivateCrtKeySpec(n, e, d, p, q, dp, dq, qi));
            checkConsistent(key);
            return key;
        } catch (GeneralSecurityException | RuntimeException ex) {
            if (ex instanceof KeyImportException k) {
                throw k;
            }
            throw new KeyImportException("RSA private key was refused by the JDK provider");
        }
    }

    /**
     * The CRT components must agree with each other and with the modulus: a key that does not
     * would fail later (or leak through a fault), far from the cause.
     */
    static void checkConsistent(RSAPrivateCrtKey key) {
        BigInteger p = key.getPrimeP();
        BigInteger q = key.getPrimeQ();
        BigInteger d = key.getPrivateExponent();
        BigInteger e = key.getPublicExponent();
        boolean consistent = p != null && q != null && e != null && d != null && p.signum() > 0 && q.signum() > 0
                && key.getPrimeExponentP() != null && key.getPrimeExponentQ() != null && key.getCrtCoefficient() != null
                && p.multiply(q).equals(key.getModulus())
                && d.mod(p.subtract(BigInteger.ONE)).equals(key.getPrimeExponentP())
                && d.mod(q.subtract(BigInteger.ONE)).equals(key.getPrimeExponentQ())
                && e.multiply(key.getPrimeExponentP()).mod(p.subtract(BigInteger.ONE)).equals(BigInteger.ONE)
                && e.multiply(key.getPrimeExponentQ()).mod(q.subtract(BigInteger.ONE)).equals(BigInteger.ONE)
                && key.getCrtCoefficient().multiply(q).mod(p).equals(BigInteger.ONE);
        if (!consistent) {
            throw new KeyImportException("RSA private key components do not match each other");
        }
    }
}
