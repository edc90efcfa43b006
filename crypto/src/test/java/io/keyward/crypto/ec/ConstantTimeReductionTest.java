package io.keyward.crypto.ec;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyward.crypto.h2c.HashToField;
import io.keyward.crypto.h2c.XmdHash;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConstantTimeReductionTest {
    @Test
    void agreesWithBigIntegerMod() {
        BigInteger n = P256Group.INSTANCE.order();
        ConstantTimeReduction reduction = new ConstantTimeReduction(n);
        Random random = new Random(9497);
        for (int i = 0; i < 500; i++) {
            byte[] bytes = new byte[1 + random.nextInt(64)];
            random.nextBytes(bytes);
            assertThat(reduction.reduce(bytes)).isEqualTo(new BigInteger(1, bytes).mod(n));
        }
        byte[] allOnes = new byte[48];
        java.util.Arrays.fill(allOnes, (byte) 0xff);
        assertThat(reduction.reduce(allOnes)).isEqualTo(new BigInteger(1, allOnes).mod(n));
        assertThat(reduction.reduce(n.toByteArray())).isEqualTo(BigInteger.ZERO);
    }

    @Test
    void hashToScalarIsHashToFieldModN() {
        byte[] dst = "HashToScalar-test".getBytes();
        for (int i = 0; i < 20; i++) {
            byte[] msg = {(byte) i};
            BigInteger expected = HashToField.hashToField(XmdHash.SHA256, msg, dst, 1, P256Group.INSTANCE.order(), 48)[0];
            assertThat(new BigInteger(1, P256Group.INSTANCE.hashToScalar(msg, dst).serialize())).isEqualTo(expected);
        }
    }
}
