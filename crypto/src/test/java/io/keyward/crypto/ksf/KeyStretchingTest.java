package io.keyward.crypto.ksf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class KeyStretchingTest {
    private static final byte[] INPUT = new byte[64];

    static {
        for (int i = 0; i < INPUT.length; i++) {
            INPUT[i] = (byte) i;
        }
    }

    @Test
    void profilesHaveTheDocumentedParameters() {
        assertThat(Argon2idKsf.RFC9106_RECOMMENDED).isEqualTo(new Argon2idKsf(2097152, 1, 4));
        assertThat(Argon2idKsf.LIGHT).isEqualTo(new Argon2idKsf(65536, 3, 4));
        assertThat(ScryptKsf.STANDARD).isEqualTo(new ScryptKsf(32768, 8, 1));
        assertThat(Argon2idKsf.LIGHT.describe()).isEqualTo("argon2id(m=65536,t=3,p=4)");
    }

    @Test
    void argon2idUsesTheRfc9807SaltVersionAndType() {
        Argon2idKsf ksf = new Argon2idKsf(256, 2, 2);
        byte[] out = ksf.stretch(INPUT, 64);
        // The same computation spelled out against BouncyCastle: zero 16-byte salt, v=0x13, type id.
        Argon2BytesGenerator reference = new Argon2BytesGenerator();
        reference.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(0x13)
                .withSalt(new byte[16]).withMemoryAsKB(256).withIterations(2).withParallelism(2).build());
        byte[] expected = new byte[64];
        reference.generateBytes(INPUT, expected);
        assertThat(out).hasSize(64).isEqualTo(expected);
        assertThat(new Argon2idKsf(256, 3, 2).stretch(INPUT, 64)).isNotEqualTo(out);
        assertThat(ksf.stretch(INPUT, 32)).hasSize(32);
    }

    @Test
    void scryptIsDeterministicAndParameterSensitive() {
        byte[] a = new ScryptKsf(16, 1, 1).stretch(INPUT, 32);
        assertThat(new ScryptKsf(16, 1, 1).stretch(INPUT, 32)).isEqualTo(a);
        assertThat(new ScryptKsf(32, 1, 1).stretch(INPUT, 32)).isNotEqualTo(a);
    }

    @Test
    void descriptionsRoundTrip() {
        for (KeyStretching ksf : new KeyStretching[] {IdentityKsf.INSTANCE, Argon2idKsf.LIGHT, Argon2idKsf.RFC9106_RECOMMENDED, ScryptKsf.STANDARD}) {
            assertThat(KeyStretching.parse(ksf.describe())).isEqualTo(ksf);
        }
        assertThat(KeyStretching.DEFAULT).isEqualTo(Argon2idKsf.RFC9106_RECOMMENDED);
        assertThatThrownBy(() -> KeyStretching.parse("argon2i(m=1,t=1,p=1)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyStretching.parse("scrypt(N=99999999999,r=8,p=1)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyStretching.parse("scrypt(N=1000,r=8,p=1)")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void identityReturnsACopy() {
        byte[] out = IdentityKsf.INSTANCE.stretch(INPUT, 64);
        assertThat(out).isEqualTo(INPUT).isNotSameAs(INPUT);
        assertThatThrownBy(() -> IdentityKsf.INSTANCE.stretch(INPUT, 32)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesParametersTheFunctionsDoNotDefine() {
        assertThatThrownBy(() -> new Argon2idKsf(1 << 16, 0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2idKsf(16, 1, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2idKsf(1 << 16, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScryptKsf(1000, 8, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScryptKsf(1, 8, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScryptKsf(1024, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScryptKsf(1 << 16, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ScryptKsf(1 << 15, 1, 1)).isNotNull();
        assertThat(new ScryptKsf(1 << 30, 2, 1)).isNotNull();
    }
}
