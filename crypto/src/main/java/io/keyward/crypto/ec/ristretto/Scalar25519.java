package io.keyward.crypto.ec.ristretto;

import io.keyward.crypto.CryptoException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.raw.Mod;

/**
 * An integer modulo the ristretto255 group order
 * {@code l = 2^252 + 27742317777372353535851937790883648493}. Immutable; always fully reduced.
 *
 * <p>Scalars are usually secrets (OPRF keys, blinds), so the arithmetic is constant time: eight
 * 32-bit limbs, carries in {@code long}s, conditional subtraction by masks, reduction bit by bit
 * (shift in one bit, subtract l when that does not borrow), and inversion by BouncyCastle's
 * constant-time safegcd ({@link Mod#modOddInverse}). BouncyCastle's own {@code rfc8032.Scalar25519}
 * is package-private and its public-facing helpers are variable time, so it is not used; neither is
 * {@link java.math.BigInteger}, whose running time depends on the value. The bit-serial reduction
 * costs a few microseconds, negligible beside a point multiplication.
 *
 * <p>{@link #toString()} never shows the value; {@link #equals} compares in constant time.
 */
public final class Scalar25519 {
    private static final int LIMBS = 8;
    private static final long M32 = 0xFFFFFFFFL;

    /** l, little-endian 32-bit limbs. */
    private static final int[] L = {
        0x5cf5d3ed, 0x5812631a, 0xa2f79cd6, 0x14def9de, 0, 0, 0, 0x10000000
    };

    public static final Scalar25519 ZERO = new Scalar25519(new int[LIMBS]);
    public static final Scalar25519 ONE = new Scalar25519(new int[] {1, 0, 0, 0, 0, 0, 0, 0});

    private final int[] limbs;

    private Scalar25519(int[] limbs) {
        this.limbs = limbs;
    }

    /** The scalar whose 32-byte little-endian encoding this is; values {@code >= l} are refused. */
    public static Scalar25519 fromCanonicalBytes(byte[] le32) {
        requireLength(le32, 32);
        int[] x = fromLittleEndian(le32, 0, LIMBS);
        int[] t = new int[LIMBS];
        int borrow = subtract(x, L, t);
        // The answer (canonical or not) is public; only the value must not leak.
        if (borrow == 0) {
            throw new InvalidEncodingException("scalar is not canonical (not below the group order)");
        }
        return new Scalar25519(x);
    }

    /** The 32-byte little-endian integer reduced modulo l. */
    public static Scalar25519 fromBytesModOrder(byte[] le32) {
        requireLength(le32, 32);
        return new Scalar25519(reduce(fromLittleEndian(le32, 0, LIMBS)));
    }

    /** The 64-byte little-endian integer reduced modulo l (RFC 9496/9497 HashToScalar input). */
    public static Scalar25519 fromBytesModOrderWide(byte[] le64) {
        requireLength(le64, 64);
        return new Scalar25519(reduce(fromLittleEndian(le64, 0, 2 * LIMBS)));
    }

    /**
     * A uniformly random non-zero scalar, by rejection sampling of 253-bit strings (each try is
     * accepted with probability about 1/2; rejected draws are discarded and reveal nothing about
     * the result).
     */
    public static Scalar25519 random(SecureRandom random) {
        byte[] buf = new byte[32];
        try {
            while (true) {
                random.nextBytes(buf);
                buf[31] &= 0x1f;
                int[] x = fromLittleEndian(buf, 0, LIMBS);
                int[] t = new int[LIMBS];
                boolean below = subtract(x, L, t) != 0;
                if (below && isZero(x) == 0) {
                    return new Scalar25519(x);
                }
            }
        } finally {
            Arrays.fill(buf, (byte) 0);
        }
    }

    public Scalar25519 add(Scalar25519 other) {
        int[] sum = new int[LIMBS];
        long carry = 0;
        for (int i = 0; i < LIMBS; i++) {
            carry += (limbs[i] & M32) + (other.limbs[i] & M32);
            sum[i] = (int) carry;
            carry >>>= 32;
        }
        // Both inputs are below l < 2^253, so the sum fits in 256 bits and needs at most one l off.
        return new Scalar25519(subtractLIfNotBelow(sum));
    }

    public Scalar25519 subtract(Scalar25519 other) {
        int[] diff = new int[LIMBS];
        int borrow = subtract(limbs, other.limbs, diff);
        addMasked(diff, L, borrow); // went below zero: add l back
        return new Scalar25519(diff);
    }

    public Scalar25519 negate() {
        return ZERO.subtract(this);
    }

    public Scalar25519 multiply(Scalar25519 other) {
        int[] product = new int[2 * LIMBS];
        for (int i = 0; i < LIMBS; i++) {
            long carry = 0;
            long xi = limbs[i] & M32;
            for (int j = 0; j < LIMBS; j++) {
                carry += xi * (other.limbs[j] & M32) + (product[i + j] & M32);
                product[i + j] = (int) carry;
                carry >>>= 32;
            }
            product[i + LIMBS] = (int) carry;
        }
        int[] reduced = reduce(product);
        Arrays.fill(product, 0);
        return new Scalar25519(reduced);
    }

    /** The multiplicative inverse; zero has none and is refused with a {@link CryptoException}. */
    public Scalar25519 invert() {
        int[] z = new int[LIMBS];
        if (Mod.modOddInverse(L, limbs, z) == 0) {
            throw new CryptoException("the zero scalar has no inverse");
        }
        return new Scalar25519(z);
    }

    public boolean isZero() {
        return isZero(limbs) != 0;
    }

    /** The 32-byte little-endian encoding. */
    public byte[] toBytes() {
        byte[] out = new byte[32];
        for (int i = 0; i < LIMBS; i++) {
            int v = limbs[i];
            out[4 * i] = (byte) v;
            out[4 * i + 1] = (byte) (v >>> 8);
            out[4 * i + 2] = (byte) (v >>> 16);
            out[4 * i + 3] = (byte) (v >>> 24);
        }
        return out;
    }

    /** The 4-bit digit {@code index} (0 = least significant) for fixed-window multiplication. */
    int nibble(int index) {
        return (limbs[index >>> 3] >>> ((index & 7) << 2)) & 0xF;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Scalar25519 other)) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < LIMBS; i++) {
            diff |= limbs[i] ^ other.limbs[i];
        }
        return diff == 0;
    }

    /** Constant: scalars are secrets and should not be hash keys; a value-derived hash would leak. */
    @Override
    public int hashCode() {
        return Scalar25519.class.hashCode();
    }

    @Override
    public String toString() {
        return "Scalar25519[redacted]";
    }

    // ---- limb arithmetic, all branch-free on values ----

    private static void requireLength(byte[] bytes, int length) {
        if (bytes == null || bytes.length != length) {
            throw new InvalidEncodingException("scalar input must be " + length + " bytes, got "
                    + (bytes == null ? "null" : bytes.length));
        }
    }

    private static int[] fromLittleEndian(byte[] bytes, int offset, int count) {
        int[] z = new int[count];
        for (int i = 0; i < count; i++) {
            int o = offset + 4 * i;
            z[i] = (bytes[o] & 0xFF) | (bytes[o + 1] & 0xFF) << 8 | (bytes[o + 2] & 0xFF) << 16
                    | (bytes[o + 3] & 0xFF) << 24;
        }
        return z;
    }

    /** z = x - y over 8 limbs; returns -1 on borrow (x < y), else 0. */
    private static int subtract(int[] x, int[] y, int[] z) {
        long borrow = 0;
        for (int i = 0; i < LIMBS; i++) {
            borrow += (x[i] & M32) - (y[i] & M32);
            z[i] = (int) borrow;
            borrow >>= 32;
        }
        return (int) borrow;
    }

    /** z += (y & mask) over 8 limbs, dropping the final carry. */
    private static void addMasked(int[] z, int[] y, int mask) {
        long carry = 0;
        for (int i = 0; i < LIMBS; i++) {
            carry += (z[i] & M32) + (y[i] & mask & M32);
            z[i] = (int) carry;
            carry >>>= 32;
        }
    }

    /** x - l when x >= l, else x; x must be below 2l. */
    private static int[] subtractLIfNotBelow(int[] x) {
        int[] t = new int[LIMBS];
        int borrow = subtract(x, L, t);
        for (int i = 0; i < LIMBS; i++) {
            t[i] = (x[i] & borrow) | (t[i] & ~borrow);
        }
        return t;
    }

    /**
     * Reduces a little-endian multi-limb integer modulo l, one bit at a time from the top: r stays
     * below l, so 2r + bit is below 2l and one masked subtraction restores the invariant. The
     * number of steps depends only on the input length.
     */
    private static int[] reduce(int[] wide) {
        int[] r = new int[LIMBS];
        int[] t = new int[LIMBS];
        for (int bit = wide.length * 32 - 1; bit >= 0; bit--) {
            int carry = (wide[bit >>> 5] >>> (bit & 31)) & 1;
            for (int i = 0; i < LIMBS; i++) {
                int v = r[i];
                r[i] = (v << 1) | carry;
                carry = v >>> 31;
            }
            int borrow = subtract(r, L, t); // -1 when r < l: keep r, else take r - l
            for (int i = 0; i < LIMBS; i++) {
                r[i] = (r[i] & borrow) | (t[i] & ~borrow);
            }
        }
        Arrays.fill(t, 0);
        return r;
    }

    private static int isZero(int[] x) {
        int d = 0;
        for (int v : x) {
            d |= v;
        }
        // -1 when d == 0, else 0
        return (int) (((d & M32) - 1) >> 63);
    }
}
