package io.keyward.crypto.sequester;

import io.keyward.crypto.pem.PemKeys;
import io.keyward.crypto.rsa.UnsuitableKeyException;
import java.security.Key;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;

/**
 * Where sequester keys enter Keyward: the authority's and the services' keys, read from the PEM
 * files OpenSSL writes (DESIGN.md, "Sequester"). They must be RSA of at least {@link #MIN_BITS}
 * bits; 4096 is recommended.
 */
public final class SequesterKeys {
    public static final int MIN_BITS = 2048;

    private SequesterKeys() {}

    /** An authority or service public key from SPKI/PKCS#1 PEM, checked against the policy. */
    public static RSAPublicKey readPublicKeyPem(String pem) {
        return require(PemKeys.readRsaPublicKey(pem));
    }

    /** A public key from SPKI DER (as carried in certificates), checked against the policy. */
    public static RSAPublicKey readPublicKeyDer(byte[] spkiDer) {
        return require(PemKeys.readRsaPublicKeyDer(spkiDer));
    }

    /** A private key in any PEM form {@link PemKeys} reads; the passphrase (may be null) is zeroed. */
    public static RSAPrivateCrtKey readPrivateKeyPem(String pem, char[] passphrase) {
        return require(PemKeys.readRsaPrivateKey(pem, passphrase));
    }

    /** Refuses a key that is not RSA or is shorter than {@link #MIN_BITS}; returns it otherwise. */
    public static <K extends Key> K require(K key) {
        if (!"RSA".equals(key.getAlgorithm()) || !(key instanceof RSAKey rsa)) {
            throw new UnsuitableKeyException("a sequester key must be RSA, found " + key.getAlgorithm());
        }
        int bits = rsa.getModulus().bitLength();
        if (bits < MIN_BITS) {
            throw new UnsuitableKeyException("a sequester key must have at least " + MIN_BITS
                    + " bits, this one has " + bits);
        }
        return key;
    }
}
