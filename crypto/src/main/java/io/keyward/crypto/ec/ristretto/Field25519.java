package io.keyward.crypto.ec.ristretto;

import java.math.BigInteger;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * The field GF(2^255 - 19) operations RFC 9496 needs on top of BouncyCastle's {@link X25519Field}:
 * the constants of section 4.1, CT_EQ / CT_ABS / IS_NEGATIVE (section 2) and SQRT_RATIO_M1
 * (section 4.2), all without branches on the values.
 *
 * <p>An element is BouncyCastle's {@code int[10]} (radix 2^25.5). Limb-size discipline, the one
 * rule callers must follow: {@code X25519Field.mul}/{@code sqr} accept outputs of mul/sqr/decode or
 * a sum/difference of two of those (as BouncyCastle's own Ed25519 does); anything wider is first
 * passed through {@link X25519Field#carry}. {@code normalize} copes with any of these.
 */
final class Field25519 {
    private Field25519() {}

    static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

    // RFC 9496 section 4.1 constants (decimal, as printed there); FieldConstantsTest re-derives each.
    static final int[] D = constant(
            "37095705934669439343138083508754565189542113879843219016388785533085940283555");
    static final int[] SQRT_M1 = constant(
            "19681161376707505956807079304988542015446066515923890162744021073123829784752");
    static final int[] SQRT_AD_MINUS_ONE = constant(
            "25063068953384623474111414158702152701244531502492656460079210482610430750235");
    static final int[] INVSQRT_A_MINUS_D = constant(
            "54469307008909316920995813868745141605393597292927456921205312896311721017578");
    static final int[] ONE_MINUS_D_SQ = constant(
            "1159843021668779879193775521855586647937357759715417654439879720876111806838");
    static final int[] D_MINUS_ONE_SQ = constant(
            "40440834346308536858101042469323190826248399146238708352240133220865137265952");
    /** 2d, used by the extended-coordinates addition formula. */
    static final int[] D2 = constant(new BigInteger(
            "37095705934669439343138083508754565189542113879843219016388785533085940283555")
            .shiftLeft(1).mod(P).toString());

    static int[] create() {
        return X25519Field.create();
    }

    static int[] one() {
        int[] z = create();
        X25519Field.one(z);
        return z;
    }

    static int[] copy(int[] x) {
        return x.clone();
    }

    /** Public values only (constants): goes through BigInteger. */
    static int[] constant(String decimal) {
        return fromBigInteger(new BigInteger(decimal));
    }

    static int[] fromBigInteger(BigInteger value) {
        byte[] le = new byte[32];
        byte[] be = value.mod(P).toByteArray();
        for (int i = 0; i < be.length && i < 32; i++) {
            le[i] = be[be.length - 1 - i];
        }
        int[] z = create();
        X25519Field.decode(le, 0, z);
        return z;
    }

    /** Reads 32 little-endian bytes, ignoring the top bit (RFC 9496 4.3.4 wants exactly that). */
    static int[] decode(byte[] bytes, int offset) {
        int[] z = create();
        X25519Field.decode(bytes, offset, z);
        return z;
    }

    /** The canonical little-endian encoding (value reduced below p). */
    static byte[] encode(int[] x) {
        int[] t = copy(x);
        X25519Field.normalize(t);
        byte[] out = new byte[32];
        X25519Field.encode(t, out, 0);
        return out;
    }

    static int[] mul(int[] x, int[] y) {
        int[] z = create();
        X25519Field.mul(x, y, z);
        return z;
    }

    static int[] sqr(int[] x) {
        int[] z = create();
        X25519Field.sqr(x, z);
        return z;
    }

    static int[] plus(int[] x, int[] y) {
        int[] z = create();
        X25519Field.add(x, y, z);
        return z;
    }

    static int[] minus(int[] x, int[] y) {
        int[] z = create();
        X25519Field.sub(x, y, z);
        return z;
    }

    static int[] negate(int[] x) {
        int[] z = create();
        X25519Field.negate(x, z);
        return z;
    }

    /** Carries a wide sum back into limb range, so it may feed mul/sqr again. */
    static int[] carried(int[] x) {
        int[] z = copy(x);
        X25519Field.carry(z);
        return z;
    }

    /** IS_NEGATIVE: 1 when the canonical encoding's least significant bit is set, else 0. */
    static int isNegative(int[] x) {
        return encode(x)[0] & 1;
    }

    /** CT_EQ: -1 when a and b are the same field element, else 0. */
    static int ctEqual(int[] a, int[] b) {
        int[] d = minus(a, b);
        X25519Field.normalize(d);
        return X25519Field.isZero(d);
    }

    /** -1 when x is zero in the field, else 0. */
    static int ctIsZero(int[] x) {
        int[] t = copy(x);
        X25519Field.normalize(t);
        return X25519Field.isZero(t);
    }

    /** CT_SELECT: a when mask is -1, b when mask is 0. */
    static int[] select(int mask, int[] a, int[] b) {
        int[] z = copy(b);
        X25519Field.cmov(mask, a, 0, z, 0);
        return z;
    }

    /** CT_NEG: -x when bit is 1, x when bit is 0. */
    static int[] conditionalNegate(int bit, int[] x) {
        int[] z = copy(x);
        X25519Field.cnegate(bit, z);
        return z;
    }

    /** CT_ABS: the non-negative one of x and -x. */
    static int[] abs(int[] x) {
        return conditionalNegate(isNegative(x), x);
    }

    /** x^((p-5)/8) = x^(2^252 - 3), by the usual addition chain of runs of ones. */
    static int[] powPMinus5Over8(int[] x) {
        int[] x2 = mul(sqr(x), x);             // 2^2 - 1
        int[] x3 = mul(sqr(x2), x);            // 2^3 - 1
        int[] x5 = mul(sqrN(x3, 2), x2);       // 2^5 - 1
        int[] x10 = mul(sqrN(x5, 5), x5);      // 2^10 - 1
        int[] x15 = mul(sqrN(x10, 5), x5);     // 2^15 - 1
        int[] x25 = mul(sqrN(x15, 10), x10);   // 2^25 - 1
        int[] x50 = mul(sqrN(x25, 25), x25);   // 2^50 - 1
        int[] x75 = mul(sqrN(x50, 25), x25);   // 2^75 - 1
        int[] x125 = mul(sqrN(x75, 50), x50);  // 2^125 - 1
        int[] x250 = mul(sqrN(x125, 125), x125); // 2^250 - 1
        return mul(sqrN(x250, 2), x);          // 2^252 - 4 + 1
    }

    private static int[] sqrN(int[] x, int n) {
        int[] z = create();
        X25519Field.sqr(x, n, z);
        return z;
    }

    /** Result of SQRT_RATIO_M1: {@code wasSquare} is -1 (true) or 0 (false). */
    record SqrtRatio(int wasSquare, int[] root) {}

    /**
     * SQRT_RATIO_M1(u, v) of RFC 9496 section 4.2: the non-negative sqrt(u/v) when u/v is square,
     * otherwise the non-negative sqrt(SQRT_M1 * u/v); wasSquare says which. 0/0 gives (true, 0),
     * u/0 with u non-zero gives (false, 0).
     */
    static SqrtRatio sqrtRatioM1(int[] u, int[] v) {
        int[] v3 = mul(sqr(v), v);
        int[] v7 = mul(sqr(v3), v);
        int[] r = mul(mul(u, v3), powPMinus5Over8(mul(u, v7)));
        int[] check = mul(v, sqr(r));

        int[] uNeg = negate(u);
        int correctSignSqrt = ctEqual(check, u);
        int flippedSignSqrt = ctEqual(check, uNeg);
        int flippedSignSqrtI = ctEqual(check, mul(uNeg, SQRT_M1));

        int[] rPrime = mul(SQRT_M1, r);
        r = select(flippedSignSqrt | flippedSignSqrtI, rPrime, r);
        r = abs(r);
        return new SqrtRatio(correctSignSqrt | flippedSignSqrt, r);
    }
}
