package io.keyward.crypto.sig;

import io.keyward.crypto.InvalidKeyException;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 signing (RFC 8032 section 5.1.6, pure, no context) from a raw 32-byte private key (the
 * seed), through BouncyCastle. Deterministic: the same key and message give the same signature.
 */
public final class Ed25519Signer implements Signer {
    public static final int PRIVATE_KEY_LENGTH = 32;

    private final Ed25519PrivateKeyParameters privateKey;
    private final Ed25519Verifier verifier;

    private Ed25519Signer(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.verifier = Ed25519Verifier.fromPublicKey(privateKey.generatePublicKey().getEncoded());
    }

    public static Ed25519Signer fromPrivateKey(byte[] privateKey) {
        if (privateKey == null || privateKey.length != PRIVATE_KEY_LENGTH) {
            throw new InvalidKeyException("Ed25519 private key must be " + PRIVATE_KEY_LENGTH + " bytes");
        }
        return new Ed25519Signer(new Ed25519PrivateKeyParameters(privateKey));
    }

    public static Ed25519Signer generate(SecureRandom random) {
        return new Ed25519Signer(new Ed25519PrivateKeyParameters(random));
    }

    /** The 32-byte seed; the caller owns (and should zeroize) the copy. */
    public byte[] privateKey() {
        return privateKey.getEncoded();
    }

    public byte[] publicKey() {
        return verifier.publicKey();
    }

    @Override
    public String algorithm() {
        return "Ed25519";
    }

    @Override
    public byte[] sign(byte[] message) {
        byte[] signature = new byte[Ed25519Verifier.SIGNATURE_LENGTH];
        privateKey.sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
        return signature;
    }

    @Override
    public Ed25519Verifier verifier() {
        return verifier;
    }

    @Override
    public String toString() {
        return "Ed25519Signer[private key hidden]";
    }
}
