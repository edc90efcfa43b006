package io.keyward.crypto.kex;

import io.keyward.crypto.InvalidKeyException;
import io.keyward.crypto.util.Bytes;
import java.security.SecureRandom;

/**
 * X25519 Diffie-Hellman (RFC 7748 section 5) on raw 32-byte keys, through BouncyCastle's
 * constant-time {@code rfc7748.X25519}.
 *
 * <p>Public keys are decoded as the RFC says: the top bit is masked and non-canonical u values
 * are reduced, so any 32 bytes are a u-coordinate. A peer key of small order (or on the twist in a
 * way that lands on one) makes the shared secret all zero; following RFC 7748 section 6.1 that
 * result is refused with {@link InvalidKeyException}, so a malicious peer cannot force a known
 * secret.
 */
public final class X25519 {
    public static final int KEY_LENGTH = 32;

    private X25519() {}

    /** A private and public key pair; {@code toString()} never shows the private key. */
    public record KeyPair(byte[] privateKey, byte[] publicKey) {
        public KeyPair {
            privateKey = privateKey.clone();
            publicKey = publicKey.clone();
        }

        @Override
        public byte[] privateKey() {
            return privateKey.clone();
        }

        @Override
        public byte[] publicKey() {
            return publicKey.clone();
        }

        @Override
        public String toString() {
            return "X25519.KeyPair[private key hidden]";
        }
    }

    public static KeyPair generateKeyPair(SecureRandom random) {
        byte[] privateKey = new byte[KEY_LENGTH];
        org.bouncycastle.math.ec.rfc7748.X25519.generatePrivateKey(random, privateKey);
        KeyPair pair = new KeyPair(privateKey, publicKey(privateKey));
        Bytes.zeroize(privateKey);
        return pair;
    }

    /** X25519(k, 9): the public key of a 32-byte private key (clamped as the RFC says). */
    public static byte[] publicKey(byte[] privateKey) {
        checkLength(privateKey, "private");
        byte[] publicKey = new byte[KEY_LENGTH];
        org.bouncycastle.math.ec.rfc7748.X25519.scalarMultBase(privateKey, 0, publicKey, 0);
        return publicKey;
    }

    /** X25519(k, u); refuses a result of all zeros (a low-order peer key). */
    public static byte[] sharedSecret(byte[] privateKey, byte[] peerPublicKey) {
        checkLength(privateKey, "private");
        checkLength(peerPublicKey, "peer public");
        byte[] shared = new byte[KEY_LENGTH];
        // calculateAgreement checks for the all-zero output in constant time and reports it.
        if (!org.bouncycastle.math.ec.rfc7748.X25519.calculateAgreement(privateKey, 0, peerPublicKey, 0, shared, 0)) {
            throw new InvalidKeyException("X25519 peer public key has small order (shared secret is all zero)");
        }
        return shared;
    }

    private static void checkLength(byte[] key, String which) {
        if (key == null || key.length != KEY_LENGTH) {
            throw new InvalidKeyException("X25519 " + which + " key must be " + KEY_LENGTH + " bytes");
        }
    }
}
