package io.keyward.crypto.sig;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.InvalidKeyException;
import io.keyward.crypto.util.Bytes;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * ML-DSA-65 verification (FIPS 204, pure mode with the empty context string) through the JDK 25
 * {@code ML-DSA-65} provider. JDK 25's public API has no way to pass a non-empty context (the
 * JDK keeps that internal, JDK-8351351), so none is taken here either.
 */
public final class MlDsa65Verifier implements Verifier {
    public static final int PUBLIC_KEY_LENGTH = 1952;
    public static final int SIGNATURE_LENGTH = 3309;
    /** SubjectPublicKeyInfo header for id-ml-dsa-65 (2.16.840.1.101.3.4.3.18) and a 1952-byte key. */
    static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("308207b2300b0609608648016503040312038207a100");

    private final PublicKey publicKey;

    private MlDsa65Verifier(PublicKey publicKey) {
        this.publicKey = publicKey;
    }

    /** From the raw 1952-byte FIPS 204 public key. */
    public static MlDsa65Verifier fromPublicKey(byte[] publicKey) {
        if (publicKey == null || publicKey.length != PUBLIC_KEY_LENGTH) {
            throw new InvalidKeyException("ML-DSA-65 public key must be " + PUBLIC_KEY_LENGTH + " bytes");
        }
        return fromSpki(Bytes.concat(SPKI_PREFIX, publicKey));
    }

    /** From a DER SubjectPublicKeyInfo naming ML-DSA-65. */
    public static MlDsa65Verifier fromSpki(byte[] spki) {
        if (spki.length != SPKI_PREFIX.length + PUBLIC_KEY_LENGTH
                || !Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new InvalidKeyException("ML-DSA-65 public key is not an ML-DSA-65 SubjectPublicKeyInfo");
        }
        try {
            return new MlDsa65Verifier(KeyFactory.getInstance("ML-DSA-65").generatePublic(new X509EncodedKeySpec(spki)));
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyException("ML-DSA-65 public key was refused by the JDK provider");
        }
    }

    static MlDsa65Verifier of(PublicKey publicKey) {
        return fromSpki(publicKey.getEncoded());
    }

    /** The raw 1952-byte public key. */
    public byte[] publicKey() {
        byte[] spki = publicKey.getEncoded();
        return Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length);
    }

    public byte[] spki() {
        return publicKey.getEncoded();
    }

    @Override
    public String algorithm() {
        return "ML-DSA-65";
    }

    @Override
    public void verify(byte[] signature, byte[] message) {
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            throw new InvalidSignatureException("ML-DSA-65 signature must be " + SIGNATURE_LENGTH + " bytes");
        }
        boolean valid;
        try {
            Signature verifier = Signature.getInstance("ML-DSA-65");
            verifier.initVerify(publicKey);
            verifier.update(message);
            valid = verifier.verify(signature);
        } catch (SignatureException e) {
            valid = false;
        } catch (GeneralSecurityException e) {
            throw new CryptoException("ML-DSA-65 is unavailable: " + e.getClass().getSimpleName());
        }
        if (!valid) {
            throw new InvalidSignatureException("ML-DSA-65 signature does not verify");
        }
    }

    @Override
    public String toString() {
        return "MlDsa65Verifier[" + HexFormat.of().formatHex(publicKey(), 0, 8) + "...]";
    }
}
