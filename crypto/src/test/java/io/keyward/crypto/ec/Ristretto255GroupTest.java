package io.keyward.crypto.ec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ristretto255GroupTest {
    private static final HexFormat HEX = HexFormat.of();
    private final Group group = Ristretto255Group.INSTANCE;

    @Test
    void elementsAndScalarsRoundTrip() {
        SecureRandom random = new SecureRandom();
        Group.Scalar k = group.randomScalar(random);
        Group.Element e = group.generator().multiply(k);
        assertThat(group.deserializeElement(e.serialize()).serialize()).isEqualTo(e.serialize());
        assertThat(group.deserializeScalar(k.serialize()).serialize()).isEqualTo(k.serialize());
        assertThat(e.multiply(k.invert()).serialize()).isEqualTo(group.generator().serialize());
        assertThat(e.add(e).serialize()).isEqualTo(group.generator().multiply(k.add(k)).serialize());
        assertThat(k.toString()).doesNotContain(HEX.formatHex(k.serialize()));
    }

    @Test
    void refusesIdentityNonCanonicalAndWrongLength() {
        assertThatThrownBy(() -> group.deserializeElement(new byte[32]))
                .isInstanceOf(InvalidElementException.class).hasMessageContaining("identity");
        assertThatThrownBy(() -> group.deserializeElement(new byte[31])).isInstanceOf(InvalidElementException.class);
        // p itself, the non-canonical spelling of zero (RFC 9496 A.2 lists it)
        byte[] p = HEX.parseHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        assertThatThrownBy(() -> group.deserializeElement(p)).isInstanceOf(InvalidElementException.class);
        // a negative field element (odd s)
        byte[] negative = HEX.parseHex("0100000000000000000000000000000000000000000000000000000000000000");
        assertThatThrownBy(() -> group.deserializeElement(negative)).isInstanceOf(InvalidElementException.class);
    }

    @Test
    void refusesUnreducedScalars() {
        byte[] l = HEX.parseHex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
        assertThatThrownBy(() -> group.deserializeScalar(l)).isInstanceOf(InvalidScalarException.class);
        assertThatThrownBy(() -> group.deserializeScalar(new byte[33])).isInstanceOf(InvalidScalarException.class);
        Group.Scalar zero = group.deserializeScalar(new byte[32]);
        assertThatThrownBy(zero::invert).isInstanceOf(InvalidScalarException.class);
    }

    @Test
    void groupsDoNotMix() {
        Group.Scalar k = P256Group.INSTANCE.randomScalar(new SecureRandom());
        assertThatThrownBy(() -> group.generator().multiply(k)).isInstanceOf(IllegalArgumentException.class);
    }
}
