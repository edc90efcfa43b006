package io.keyward.crypto.sig;

import io.keyward.crypto.InvalidKeyException;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 verification (RFC 8032 section 5.1.7) on a raw 32-byte public key, through
 * BouncyCastle's {@code rfc8032.Ed25519}: the key must decode to a curve point (BouncyCastle also
 * refuses non-canonical encodings and the identity), S must be below the group order L (no
 * malleability), and the signature exactly 64 bytes.
 */
public final class Ed25519Verifier implements Verifier {
    public static final int PUBLIC_KEY_LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;

    private final Ed25519PublicKeyParameters publicKey;

    private Ed25519Verifier(Ed25519PublicKeyParameters publicKey) {
        this.publicKey = publicKey;
    }

    public static Ed25519Verifier fromPublicKey(byte[] publicKey) {
        if (publicKey == null || publicKey.length != PUBLIC_KEY_LENGTH) {
            throw new InvalidKeyException("Ed25519 public key must be " + PUBLIC_KEY_LENGTH + " bytes");
        }
        try {
            return new Ed25519Verifier(new Ed25519PublicKeyParameters(publicKey));
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException("Ed25519 public key is not a valid point");
        }
    }

    public byte[] publicKey() {
        return publicKey.getEncoded();
    }

    @Override
    public String algorithm() {
        return "Ed25519";
    }

    @Override
    public void verify(byte[] signature, byte[] message) {
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            throw new InvalidSignatureException("Ed25519 signature must be " + SIGNATURE_LENGTH + " bytes");
        }
        boolean valid;
        try {
            valid = publicKey.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
        } catch (IllegalArgumentException e) {
            valid = false;
        }
        if (!valid) {
            throw new InvalidSignatureException("Ed25519 signature does not verify");
        }
    }

    @Override
    public String toString() {
        return "Ed25519Verifier[" + HexFormat.of().formatHex(publicKey.getEncoded()) + "]";
    }
}
