package io.keyward.crypto.ec.ristretto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.CryptoException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Scalar25519 against a BigInteger reference, plus the canonical-encoding and secrecy rules. */
class Scalar25519Test {
    static final BigInteger L = BigInteger.ONE.shiftLeft(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));

    private final Random rnd = new Random(42);

    static byte[] le(BigInteger v, int length) {
        byte[] out = new byte[length];
        byte[] be = v.toByteArray();
        for (int i = 0; i < be.length && i < length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }

    static BigInteger big(Scalar25519 s) {
        byte[] le = s.toBytes();
        byte[] be = new byte[33];
        for (int i = 0; i < 32; i++) {
            be[32 - i] = le[i];
        }
        return new BigInteger(be);
    }

    private BigInteger randomBelowL() {
        return new BigInteger(256, rnd).mod(L);
    }

    private static Scalar25519 of(BigInteger v) {
        return Scalar25519.fromCanonicalBytes(le(v, 32));
    }

    @Test
    void arithmeticMatchesBigInteger() {
        for (int i = 0; i < 200; i++) {
            BigInteger a = randomBelowL();
            BigInteger b = randomBelowL();
            Scalar25519 sa = of(a);
            Scalar25519 sb = of(b);
            assertThat(big(sa.add(sb))).isEqualTo(a.add(b).mod(L));
            assertThat(big(sa.subtract(sb))).isEqualTo(a.subtract(b).mod(L));
            assertThat(big(sa.multiply(sb))).isEqualTo(a.multiply(b).mod(L));
            assertThat(big(sa.negate())).isEqualTo(a.negate().mod(L));
            if (a.signum() != 0) {
                assertThat(big(sa.invert())).isEqualTo(a.modInverse(L));
            }
        }
    }

    @Test
    void edgeValuesNearTheOrder() {
        BigInteger lMinus1 = L.subtract(BigInteger.ONE);
        Scalar25519 max = of(lMinus1);
        assertThat(max.add(Scalar25519.ONE).isZero()).isTrue();
        assertThat(big(max.multiply(max))).isEqualTo(BigInteger.ONE);
        assertThat(Scalar25519.ZERO.subtract(Scalar25519.ONE)).isEqualTo(max);
        assertThat(Scalar25519.ZERO.negate().isZero()).isTrue();
        assertThat(big(max.invert())).isEqualTo(lMinus1);
    }

    @Test
    void reductionFromThirtyTwoAndSixtyFourBytes() {
        BigInteger all32 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
        BigInteger all64 = BigInteger.ONE.shiftLeft(512).subtract(BigInteger.ONE);
        for (BigInteger v : new BigInteger[] {BigInteger.ZERO, L, L.add(BigInteger.ONE), all32}) {
            assertThat(big(Scalar25519.fromBytesModOrder(le(v, 32)))).isEqualTo(v.mod(L));
        }
        for (BigInteger v : new BigInteger[] {L, L.multiply(L), all64}) {
            assertThat(big(Scalar25519.fromBytesModOrderWide(le(v, 64)))).isEqualTo(v.mod(L));
        }
        for (int i = 0; i < 100; i++) {
            BigInteger w = new BigInteger(512, rnd);
            assertThat(big(Scalar25519.fromBytesModOrderWide(le(w, 64)))).isEqualTo(w.mod(L));
            BigInteger n = new BigInteger(256, rnd);
            assertThat(big(Scalar25519.fromBytesModOrder(le(n, 32)))).isEqualTo(n.mod(L));
        }
    }

    @Test
    void canonicalEncodingIsEnforced() {
        BigInteger lMinus1 = L.subtract(BigInteger.ONE);
        assertThat(Scalar25519.fromCanonicalBytes(le(lMinus1, 32)).toBytes()).isEqualTo(le(lMinus1, 32));
        for (BigInteger bad : new BigInteger[] {L, L.add(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)}) {
            assertThatThrownBy(() -> Scalar25519.fromCanonicalBytes(le(bad, 32)))
                    .isInstanceOf(InvalidEncodingException.class)
                    .hasMessageContaining("not canonical");
        }
        assertThatThrownBy(() -> Scalar25519.fromCanonicalBytes(new byte[31]))
                .isInstanceOf(InvalidEncodingException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> Scalar25519.fromBytesModOrderWide(new byte[32]))
                .isInstanceOf(InvalidEncodingException.class).hasMessageContaining("64 bytes");
    }

    @Test
    void zeroHasNoInverse() {
        assertThatThrownBy(Scalar25519.ZERO::invert).isInstanceOf(CryptoException.class);
        assertThat(Scalar25519.ZERO.isZero()).isTrue();
        assertThat(Scalar25519.ONE.isZero()).isFalse();
    }

    @Test
    void randomScalarsAreNonZeroReducedAndDistinct() {
        SecureRandom random = new SecureRandom();
        Scalar25519 previous = null;
        for (int i = 0; i < 50; i++) {
            Scalar25519 s = Scalar25519.random(random);
            assertThat(s.isZero()).isFalse();
            assertThat(big(s)).isLessThan(L);
            assertThat(s).isNotEqualTo(previous);
            previous = s;
        }
    }

    @Test
    void toStringDoesNotShowTheValue() {
        Scalar25519 s = of(new BigInteger("123456789abcdef", 16));
        assertThat(s.toString()).doesNotContain("123456789").doesNotContain("efcdab")
                .doesNotContain("ef");
        assertThat(s.toString()).isEqualTo("Scalar25519[redacted]");
    }

    @Test
    void equalityIsByValue() {
        BigInteger a = randomBelowL();
        assertThat(of(a)).isEqualTo(of(a)).hasSameHashCodeAs(of(a));
        assertThat(of(a)).isNotEqualTo(of(a.add(BigInteger.ONE).mod(L)));
    }
}
