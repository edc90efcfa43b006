package io.keyward.crypto.h2c;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.ExtendedDigest;

/**
 * expand_message_xmd from RFC 9380 section 5.3.1, including the oversize-DST rule of section
 * 5.3.3. Written out here rather than taken from BouncyCastle so that every refusal is a typed
 * {@link HashToCurveException} with a message that says what was wrong.
 */
public final class ExpandMessageXmd {
    private static final byte[] OVERSIZE_DST_PREFIX = "H2C-OVERSIZE-DST-".getBytes(StandardCharsets.US_ASCII);

    private ExpandMessageXmd() {}

    /**
     * Returns {@code lenInBytes} uniformly random-looking bytes derived from {@code msg} under
     * the domain separation tag {@code dst}.
     */
    public static byte[] expand(XmdHash hash, byte[] msg, byte[] dst, int lenInBytes) {
        if (msg == null || dst == null) {
            throw new HashToCurveException("expand_message_xmd needs a message and a DST");
        }
        if (dst.length == 0) {
            throw new HashToCurveException("expand_message_xmd DST must not be empty");
        }
        int b = hash.outputLength();
        int ell = (lenInBytes + b - 1) / b;
        if (lenInBytes <= 0 || ell > 255 || lenInBytes > 65535) {
            throw new HashToCurveException("expand_message_xmd cannot produce " + lenInBytes + " bytes");
        }
        ExtendedDigest digest = hash.newDigest();
        byte[] dstPrime = dstPrime(digest, dst);

        // b_0 = H(Z_pad || msg || I2OSP(len_in_bytes, 2) || I2OSP(0, 1) || DST_prime)
        digest.update(new byte[hash.blockLength()], 0, hash.blockLength());
        digest.update(msg, 0, msg.length);
        digest.update((byte) (lenInBytes >>> 8));
        digest.update((byte) lenInBytes);
        digest.update((byte) 0);
        digest.update(dstPrime, 0, dstPrime.length);
        byte[] b0 = new byte[b];
        digest.doFinal(b0, 0);

        // b_1 = H(b_0 || I2OSP(1, 1) || DST_prime); b_i = H(strxor(b_0, b_(i-1)) || I2OSP(i, 1) || DST_prime)
        byte[] out = new byte[lenInBytes];
        byte[] bi = new byte[b];
        byte[] chained = b0.clone();
        for (int i = 1; i <= ell; i++) {
            if (i > 1) {
                for (int j = 0; j < b; j++) {
                    chained[j] = (byte) (b0[j] ^ bi[j]);
                }
            }
            digest.update(chained, 0, b);
            digest.update((byte) i);
            digest.update(dstPrime, 0, dstPrime.length);
            digest.doFinal(bi, 0);
            System.arraycopy(bi, 0, out, (i - 1) * b, Math.min(b, lenInBytes - (i - 1) * b));
        }
        return out;
    }

    /** DST_prime = DST || I2OSP(len(DST), 1), hashing a DST longer than 255 bytes first. */
    private static byte[] dstPrime(ExtendedDigest digest, byte[] dst) {
        byte[] tag = dst;
        if (dst.length > 255) {
            digest.update(OVERSIZE_DST_PREFIX, 0, OVERSIZE_DST_PREFIX.length);
            digest.update(dst, 0, dst.length);
            tag = new byte[digest.getDigestSize()];
            digest.doFinal(tag, 0);
        }
        byte[] prime = new byte[tag.length + 1];
        System.arraycopy(tag, 0, prime, 0, tag.length);
        prime[tag.length] = (byte) tag.length;
        return prime;
    }
}
