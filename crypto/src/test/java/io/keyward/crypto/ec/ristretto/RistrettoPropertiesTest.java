package io.keyward.crypto.ec.ristretto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Group-law properties of ristretto255 on random elements and scalars. */
class RistrettoPropertiesTest {
    private final SecureRandom random = new SecureRandom();

    private RistrettoPoint randomPoint() {
        byte[] uniform = new byte[64];
        random.nextBytes(uniform);
        return RistrettoPoint.fromUniformBytes(uniform);
    }

    @Test
    void scalarMultiplicationDistributesOverScalarAddition() {
        for (int i = 0; i < 5; i++) {
            RistrettoPoint p = randomPoint();
            Scalar25519 a = Scalar25519.random(random);
            Scalar25519 b = Scalar25519.random(random);
            assertThat(p.multiply(a.add(b))).isEqualTo(p.multiply(a).add(p.multiply(b)));
            assertThat(p.multiply(a.multiply(b))).isEqualTo(p.multiply(a).multiply(b));
            assertThat(p.multiply(a.negate())).isEqualTo(p.multiply(a).negate());
        }
    }

    @Test
    void basepointTableAgreesWithTheGenericWindow() {
        // BASEPOINT.multiply uses the precomputed table; a decoded copy is a different object and
        // goes through the generic fixed-window path.
        RistrettoPoint copy = RistrettoPoint.decode(RistrettoPoint.BASEPOINT.encode());
        for (int i = 0; i < 5; i++) {
            Scalar25519 s = Scalar25519.random(random);
            assertThat(RistrettoPoint.BASEPOINT.multiply(s)).isEqualTo(copy.multiply(s));
        }
        Scalar25519 lMinus1 = Scalar25519.ZERO.subtract(Scalar25519.ONE);
        assertThat(RistrettoPoint.BASEPOINT.multiply(lMinus1)).isEqualTo(copy.multiply(lMinus1));
        assertThat(RistrettoPoint.BASEPOINT.multiply(Scalar25519.ZERO).isIdentity()).isTrue();
    }

    @Test
    void theGroupOrderAnnihilatesEveryElement() {
        // l itself is not a canonical scalar, so check (l - 1)P + P and (l - 1)P = -P
        Scalar25519 lMinus1 = Scalar25519.ZERO.subtract(Scalar25519.ONE);
        for (RistrettoPoint p : new RistrettoPoint[] {RistrettoPoint.BASEPOINT, randomPoint()}) {
            RistrettoPoint q = p.multiply(lMinus1);
            assertThat(q.add(p).isIdentity()).isTrue();
            assertThat(q).isEqualTo(p.negate());
            assertThat(p.multiply(Scalar25519.fromBytesModOrder(Scalar25519Test.le(Scalar25519Test.L, 32)))
                    .isIdentity()).isTrue();
        }
    }

    @Test
    void decodeOfEncodeIsTheSameElement() {
        for (int i = 0; i < 20; i++) {
            RistrettoPoint p = randomPoint();
            byte[] enc = p.encode();
            RistrettoPoint q = RistrettoPoint.decode(enc);
            assertThat(q).isEqualTo(p).hasSameHashCodeAs(p);
            assertThat(q.encode()).isEqualTo(enc);
            assertThat(p.add(p).encode()).isEqualTo(q.add(q).encode());
        }
    }

    @Test
    void smallScalarsMatchRepeatedAddition() {
        RistrettoPoint p = randomPoint();
        RistrettoPoint sum = RistrettoPoint.IDENTITY;
        for (int k = 0; k <= 40; k++) {
            byte[] b = new byte[32];
            b[0] = (byte) k;
            assertThat(p.multiply(Scalar25519.fromCanonicalBytes(b))).as("%d * P", k).isEqualTo(sum);
            sum = sum.add(p);
        }
        // a multi-limb scalar: 2^64 + 5 through repeated doubling
        byte[] b = new byte[32];
        b[0] = 5;
        b[8] = 1;
        RistrettoPoint twoTo64 = p;
        for (int i = 0; i < 64; i++) {
            twoTo64 = twoTo64.add(twoTo64);
        }
        RistrettoPoint five = p.add(p).add(p).add(p).add(p);
        assertThat(p.multiply(Scalar25519.fromCanonicalBytes(b))).isEqualTo(twoTo64.add(five));
    }

    @Test
    void representativesDifferingByTorsionAreOneElement() {
        // (0, -1) has order 2 and (sqrt(-1), 0) order 4 on edwards25519; ristretto255 quotients
        // them out, so adding either must change neither equality nor the encoding.
        int[] zero = Field25519.create();
        int[] one = Field25519.one();
        RistrettoPoint t2 = RistrettoPoint.fromExtended(zero, Field25519.negate(one), one, zero);
        RistrettoPoint t4 = RistrettoPoint.fromExtended(Field25519.SQRT_M1, zero, one, zero);
        assertThat(t2.isIdentity()).isTrue();
        assertThat(t4.isIdentity()).isTrue();
        for (int i = 0; i < 5; i++) {
            RistrettoPoint p = randomPoint();
            for (RistrettoPoint t : new RistrettoPoint[] {t2, t4, t4.add(t4).add(t4)}) {
                RistrettoPoint q = p.add(t);
                assertThat(q).isEqualTo(p);
                assertThat(q.encode()).isEqualTo(p.encode());
            }
        }
    }

    @Test
    void basepointIsTheEd25519BasePoint() {
        // RFC 8032 section 5.1: B = (Gx, Gy) with Gy = 4/5.
        BigInteger p = Field25519.P;
        BigInteger gx = new BigInteger(
                "15112221349535400772501151409588531511454012693041857206046113283949847762202");
        BigInteger gy = new BigInteger(
                "46316835694926478169428394003475163141307993866256225615783033603165251855960");
        assertThat(gy).isEqualTo(BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(p)).mod(p));
        RistrettoPoint b = RistrettoPoint.fromExtended(Field25519.fromBigInteger(gx),
                Field25519.fromBigInteger(gy), Field25519.one(),
                Field25519.fromBigInteger(gx.multiply(gy).mod(p)));
        assertThat(b).isEqualTo(RistrettoPoint.BASEPOINT);
        assertThat(HexFormat.of().formatHex(b.encode()))
                .isEqualTo("e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76");
    }

    @Test
    void subtractAndNegateAreInverse() {
        RistrettoPoint p = randomPoint();
        RistrettoPoint q = randomPoint();
        assertThat(p.add(q).subtract(q)).isEqualTo(p);
        assertThat(p.subtract(p).isIdentity()).isTrue();
        assertThat(p.negate().negate()).isEqualTo(p);
        assertThat(p.isIdentity()).isFalse();
        assertThat(RistrettoPoint.IDENTITY.encode()).isEqualTo(new byte[32]);
    }
}
