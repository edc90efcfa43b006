package io.keyward.crypto.h2c;

import java.math.BigInteger;

/** hash_to_field from RFC 9380 section 5.2, for prime fields (extension degree m = 1). */
public final class HashToField {
    private HashToField() {}

    /**
     * Hashes {@code msg} to {@code count} elements of the integers modulo {@code modulus}, each
     * taken from {@code length} (the RFC's L) uniform bytes so the bias is negligible.
     */
    public static BigInteger[] hashToField(XmdHash hash, byte[] msg, byte[] dst, int count, BigInteger modulus, int length) {
        if (count < 1 || length < 1) {
            throw new HashToCurveException("hash_to_field needs a positive count and length");
        }
        byte[] uniform = ExpandMessageXmd.expand(hash, msg, dst, Math.multiplyExact(count, length));
        BigInteger[] out = new BigInteger[count];
        byte[] chunk = new byte[length];
        for (int i = 0; i < count; i++) {
            System.arraycopy(uniform, i * length, chunk, 0, length);
            out[i] = new BigInteger(1, chunk).mod(modulus);
        }
        return out;
    }
}
