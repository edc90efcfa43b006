package io.keyward.crypto.ec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class P256GroupTest {
    private static final HexFormat HEX = HexFormat.of();
    private final Group group = P256Group.INSTANCE;
    private final BigInteger p = new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);

    @Test
    void generatorSerializesToTheSec1CompressedBasePoint() {
        assertThat(HEX.formatHex(group.generator().serialize()))
                .isEqualTo("036b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296");
    }

    @Test
    void elementsAndScalarsRoundTrip() {
        SecureRandom random = new SecureRandom();
        Group.Scalar k = group.randomScalar(random);
        Group.Element e = group.generator().multiply(k);
        assertThat(group.deserializeElement(e.serialize()).serialize()).isEqualTo(e.serialize());
        assertThat(group.deserializeScalar(k.serialize()).serialize()).isEqualTo(k.serialize());
        // (k * G) * k^-1 == G, through the variable-base multiplier
        assertThat(e.multiply(k.invert()).serialize()).isEqualTo(group.generator().serialize());
        // k*G + k*G == (2k)*G
        assertThat(e.add(e).serialize()).isEqualTo(group.generator().multiply(k.add(k)).serialize());
        assertThat(k.subtract(k).isZero()).isTrue();
        assertThat(k.toString()).doesNotContain(HEX.formatHex(k.serialize()));
    }

    @Test
    void multiplicationAgreesWithBouncyCastlesDefaultMultiplier() {
        var params = org.bouncycastle.crypto.ec.CustomNamedCurves.getByName("P-256");
        BigInteger n = params.getN();
        SecureRandom random = new SecureRandom();
        org.bouncycastle.math.ec.ECPoint base = params.getG().multiply(new BigInteger(255, random));
        Group.Element element = group.deserializeElement(base.getEncoded(true));
        BigInteger[] scalars = {BigInteger.ONE, BigInteger.TWO, n.subtract(BigInteger.ONE), n.subtract(BigInteger.TWO),
            new BigInteger(256, random).mod(n), new BigInteger(128, random), BigInteger.ONE.shiftLeft(255).mod(n)};
        for (BigInteger k : scalars) {
            Group.Scalar s = group.deserializeScalar(BigIntegers.asUnsignedByteArray(32, k));
            assertThat(element.multiply(s).serialize()).as("k = %s", k).isEqualTo(base.multiply(k).getEncoded(true));
            assertThat(group.generator().multiply(s).serialize()).isEqualTo(params.getG().multiply(k).getEncoded(true));
        }
    }

    @Test
    void refusesBadElements() {
        byte[] good = group.generator().serialize();
        assertThatThrownBy(() -> group.deserializeElement(new byte[] {0})).isInstanceOf(InvalidElementException.class);
        assertThatThrownBy(() -> group.deserializeElement(new byte[33])).isInstanceOf(InvalidElementException.class);
        assertThatThrownBy(() -> group.deserializeElement(java.util.Arrays.copyOf(good, 32))).isInstanceOf(InvalidElementException.class);
        byte[] uncompressedPrefix = good.clone();
        uncompressedPrefix[0] = 0x04;
        assertThatThrownBy(() -> group.deserializeElement(uncompressedPrefix)).isInstanceOf(InvalidElementException.class);
        // x = p is the non-canonical spelling of x = 0
        byte[] xIsP = new byte[33];
        xIsP[0] = 0x02;
        System.arraycopy(BigIntegers.asUnsignedByteArray(32, p), 0, xIsP, 1, 32);
        assertThatThrownBy(() -> group.deserializeElement(xIsP)).isInstanceOf(InvalidElementException.class);
        // find an x with no point on the curve
        byte[] offCurve = good.clone();
        boolean found = false;
        for (int i = 0; i < 64 && !found; i++) {
            offCurve[32] = (byte) i;
            try {
                group.deserializeElement(offCurve);
            } catch (InvalidElementException e) {
                found = true;
            }
        }
        assertThat(found).as("some x in 64 tries has no point").isTrue();
    }

    @Test
    void refusesBadScalars() {
        byte[] n = BigIntegers.asUnsignedByteArray(32, ((P256Group) group).order());
        assertThatThrownBy(() -> group.deserializeScalar(n)).isInstanceOf(InvalidScalarException.class);
        assertThatThrownBy(() -> group.deserializeScalar(new byte[31])).isInstanceOf(InvalidScalarException.class);
        Group.Scalar zero = group.deserializeScalar(new byte[32]);
        assertThatThrownBy(zero::invert).isInstanceOf(InvalidScalarException.class);
        assertThatThrownBy(() -> group.generator().multiply(zero).serialize()).isInstanceOf(InvalidElementException.class);
    }
}
