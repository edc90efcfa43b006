package io.keyward.crypto.ec;

import java.math.BigInteger;

/**
 * Reduction of a big-endian byte string modulo a public odd modulus, bit by bit with masked
 * subtraction, so that the time depends only on the lengths and never on the (secret) value.
 * Used where HashToScalar reduces secret key-derivation input: {@link BigInteger#mod} divides in
 * time that depends on the operands.
 */
final class ConstantTimeReduction {
    private final int[] modulus;
    private final int limbs;

    /** @param modulus positive, odd, at most 2^(32*limbs) - 1 with one limb of headroom left for 2r */
    ConstantTimeReduction(BigInteger modulus) {
        this.limbs = (modulus.bitLength() + 31) / 32 + 1;
        this.modulus = toLimbs(modulus, limbs);
    }

    /** OS2IP(bytes) mod the modulus, as a BigInteger built from the reduced limbs. */
    BigInteger reduce(byte[] bytes) {
        int[] r = new int[limbs];
        int[] t = new int[limbs];
        for (byte value : bytes) {
            for (int bit = 7; bit >= 0; bit--) {
                // r = 2r + bit; r < 2 * modulus fits in the extra limb
                int carry = (value >>> bit) & 1;
                for (int i = 0; i < limbs; i++) {
                    int next = r[i] >>> 31;
                    r[i] = (r[i] << 1) | carry;
                    carry = next;
                }
                // t = r - modulus; keep t when there was no borrow
                long borrow = 0;
                for (int i = 0; i < limbs; i++) {
                    long d = (r[i] & 0xffffffffL) - (modulus[i] & 0xffffffffL) + borrow;
                    t[i] = (int) d;
                    borrow = d >> 32;
                }
                int keep = (int) borrow; // 0 when r >= modulus, -1 when r < modulus
                for (int i = 0; i < limbs; i++) {
                    r[i] = (r[i] & keep) | (t[i] & ~keep);
                }
            }
        }
        byte[] out = new byte[4 * limbs];
        for (int i = 0; i < limbs; i++) {
            int v = r[limbs - 1 - i];
            out[4 * i] = (byte) (v >>> 24);
            out[4 * i + 1] = (byte) (v >>> 16);
            out[4 * i + 2] = (byte) (v >>> 8);
            out[4 * i + 3] = (byte) v;
        }
        java.util.Arrays.fill(r, 0);
        java.util.Arrays.fill(t, 0);
        BigInteger result = new BigInteger(1, out);
        java.util.Arrays.fill(out, (byte) 0);
        return result;
    }

    private static int[] toLimbs(BigInteger value, int limbs) {
        int[] out = new int[limbs];
        for (int i = 0; i < limbs; i++) {
            out[i] = value.shiftRight(32 * i).intValue();
        }
        return out;
    }
}
