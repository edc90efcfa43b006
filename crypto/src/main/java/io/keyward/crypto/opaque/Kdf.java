package io.keyward.crypto.opaque;

import io.keyward.crypto.util.Bytes;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** HKDF (RFC 5869), HMAC and the hash of one suite, with the OPAQUE-3DH labels of RFC 9807 section 6.4.2. */
final class Kdf {
    private static final byte[] LABEL_PREFIX = ascii("OPAQUE-");

    private final OpaqueSuite suite;

    Kdf(OpaqueSuite suite) {
        this.suite = suite;
    }

    /** HKDF-Extract(salt, ikm); an empty salt means Nh zero bytes, which HMAC treats alike. */
    byte[] extract(byte[] salt, byte[] ikm) {
        return mac(salt.length == 0 ? new byte[suite.hashLength()] : salt, ikm);
    }

    /** HKDF-Expand(prk, info, length). */
    byte[] expand(byte[] prk, byte[] info, int length) {
        int hashLength = suite.hashLength();
        if (length > 255 * hashLength) {
            throw new IllegalArgumentException("HKDF-Expand length too large");
        }
        HMac hmac = new HMac(suite.newDigest());
        hmac.init(new KeyParameter(prk));
        byte[] out = new byte[length];
        byte[] t = new byte[hashLength];
        int produced = 0;
        for (int i = 1; produced < length; i++) {
            if (i > 1) {
                hmac.update(t, 0, hashLength);
            }
            hmac.update(info, 0, info.length);
            hmac.update((byte) i);
            hmac.doFinal(t, 0);
            int n = Math.min(hashLength, length - produced);
            System.arraycopy(t, 0, out, produced, n);
            produced += n;
        }
        Bytes.zeroize(t);
        return out;
    }

    byte[] mac(byte[] key, byte[] message) {
        HMac hmac = new HMac(suite.newDigest());
        hmac.init(new KeyParameter(key));
        hmac.update(message, 0, message.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return out;
    }

    byte[] hash(byte[] message) {
        Digest digest = suite.newDigest();
        digest.update(message, 0, message.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /** Expand-Label(secret, label, context, length), with CustomLabel {length, "OPAQUE-" + label, context}. */
    byte[] expandLabel(byte[] secret, String label, byte[] context, int length) {
        byte[] fullLabel = Bytes.concat(LABEL_PREFIX, ascii(label));
        byte[] customLabel = Bytes.concat(Bytes.i2osp(length, 2), Bytes.i2osp(fullLabel.length, 1), fullLabel,
                Bytes.i2osp(context.length, 1), context);
        return expand(secret, customLabel, length);
    }

    /** Derive-Secret(secret, label, transcriptHash) = Expand-Label(secret, label, transcriptHash, Nx). */
    byte[] deriveSecret(byte[] secret, String label, byte[] transcriptHash) {
        return expandLabel(secret, label, transcriptHash, suite.hashLength());
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
