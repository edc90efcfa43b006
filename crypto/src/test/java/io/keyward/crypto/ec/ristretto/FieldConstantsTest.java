package io.keyward.crypto.ec.ristretto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Re-derives the RFC 9496 section 4.1 constants and checks the field helpers against BigInteger. */
class FieldConstantsTest {
    private static final BigInteger P = Field25519.P;

    static BigInteger big(int[] x) {
        byte[] le = Field25519.encode(x);
        byte[] be = new byte[33];
        for (int i = 0; i < 32; i++) {
            be[32 - i] = le[i];
        }
        return new BigInteger(be);
    }

    private static BigInteger f(long v) {
        return BigInteger.valueOf(v).mod(P);
    }

    @Test
    void constantsSatisfyTheirDefinitions() {
        BigInteger d = big(Field25519.D);
        BigInteger a = f(-1);
        // d = -121665/121666
        assertThat(d.multiply(f(121666)).mod(P)).isEqualTo(f(-121665));
        assertThat(big(Field25519.D2)).isEqualTo(d.shiftLeft(1).mod(P));
        BigInteger sqrtM1 = big(Field25519.SQRT_M1);
        assertThat(sqrtM1.pow(2).mod(P)).isEqualTo(f(-1));
        assertThat(sqrtM1.testBit(0)).as("SQRT_M1 is the non-negative root").isFalse();
        BigInteger sqrtAdMinusOne = big(Field25519.SQRT_AD_MINUS_ONE);
        assertThat(sqrtAdMinusOne.pow(2).mod(P)).isEqualTo(a.multiply(d).subtract(BigInteger.ONE).mod(P));
        BigInteger invsqrtAMinusD = big(Field25519.INVSQRT_A_MINUS_D);
        assertThat(invsqrtAMinusD.pow(2).multiply(a.subtract(d)).mod(P)).isEqualTo(BigInteger.ONE);
        assertThat(big(Field25519.ONE_MINUS_D_SQ)).isEqualTo(BigInteger.ONE.subtract(d.pow(2)).mod(P));
        assertThat(big(Field25519.D_MINUS_ONE_SQ)).isEqualTo(d.subtract(BigInteger.ONE).pow(2).mod(P));
    }

    @Test
    void powPMinus5Over8MatchesBigInteger() {
        Random rnd = new Random(1);
        BigInteger e = P.subtract(BigInteger.valueOf(5)).shiftRight(3);
        for (int i = 0; i < 20; i++) {
            BigInteger x = new BigInteger(255, rnd).mod(P);
            assertThat(big(Field25519.powPMinus5Over8(Field25519.fromBigInteger(x))))
                    .isEqualTo(x.modPow(e, P));
        }
    }

    @Test
    void equalityNegativityAndAbsAreCanonical() {
        Random rnd = new Random(2);
        for (int i = 0; i < 50; i++) {
            BigInteger x = new BigInteger(255, rnd).mod(P);
            int[] fx = Field25519.fromBigInteger(x);
            // -(-x) has a different limb representation from x but is the same element
            int[] negNeg = Field25519.negate(Field25519.mul(Field25519.negate(fx), Field25519.one()));
            assertThat(Field25519.ctEqual(fx, negNeg)).isEqualTo(-1);
            assertThat(Field25519.ctEqual(fx, Field25519.plus(fx, Field25519.one()))).isZero();
            assertThat(Field25519.isNegative(fx)).isEqualTo(x.testBit(0) ? 1 : 0);
            BigInteger abs = big(Field25519.abs(fx));
            assertThat(abs).isEqualTo(x.testBit(0) ? P.subtract(x) : x);
        }
        // p itself (non-canonical zero) and p - 1
        int[] p = Field25519.decode(Field25519.encode(Field25519.negate(Field25519.one())), 0);
        assertThat(Field25519.ctIsZero(Field25519.plus(p, Field25519.one()))).isEqualTo(-1);
    }

    @Test
    void sqrtRatioAgreesWithDefinitionOnRandomInputs() {
        Random rnd = new Random(3);
        BigInteger sqrtM1 = big(Field25519.SQRT_M1);
        int squares = 0;
        for (int i = 0; i < 40; i++) {
            BigInteger u = new BigInteger(255, rnd).mod(P);
            BigInteger v = new BigInteger(255, rnd).mod(P);
            Field25519.SqrtRatio r = Field25519.sqrtRatioM1(
                    Field25519.fromBigInteger(u), Field25519.fromBigInteger(v));
            BigInteger root = big(r.root());
            assertThat(root.testBit(0)).as("root is non-negative").isFalse();
            BigInteger lhs = root.pow(2).multiply(v).mod(P);
            if (r.wasSquare() == -1) {
                squares++;
                assertThat(lhs).isEqualTo(u);
            } else {
                assertThat(r.wasSquare()).isZero();
                assertThat(lhs).isEqualTo(u.multiply(sqrtM1).mod(P));
            }
        }
        assertThat(squares).isBetween(5, 35); // about half the ratios are squares
    }
}
