package io.keyward.crypto.ec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.InvalidKeyException;
import io.keyward.crypto.testing.Wycheproof;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The SPKI and SEC 1 codecs agree with the keys Wycheproof publishes in both forms. */
class EcKeyCodecTest {

    @Test
    void p256KeysDecodeAlikeFromSpkiAndPointAndReEncodeExactly() {
        assertCodecsAgree("ecdsa_secp256r1_sha256_test.json", EcCurve.P256);
    }

    @Test
    void secp256k1KeysDecodeAlikeFromSpkiAndPointAndReEncodeExactly() {
        assertCodecsAgree("ecdsa_secp256k1_sha256_test.json", EcCurve.SECP256K1);
    }

    @Test
    void refusesPointsOffTheCurveTheIdentityAndTruncation() {
        EcPublicKey key = EcPrivateKey.generate(EcCurve.P256, new SecureRandom()).publicKey();
        byte[] offCurve = key.uncompressed();
        offCurve[64] ^= 1;
        assertThatThrownBy(() -> EcPublicKey.fromPoint(EcCurve.P256, offCurve)).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> EcPublicKey.fromPoint(EcCurve.P256, new byte[] {0}))
                .hasMessage("P-256 public key is the point at infinity");
        assertThatThrownBy(() -> EcPublicKey.fromPoint(EcCurve.P256, Arrays.copyOf(key.uncompressed(), 64)))
                .isInstanceOf(InvalidKeyException.class);
        byte[] spki = key.spki();
        assertThatThrownBy(() -> EcPublicKey.fromSpki(EcCurve.P256, Arrays.copyOf(spki, spki.length + 1)))
                .hasMessage("P-256 public key is not DER SubjectPublicKeyInfo");
    }

    private static void assertCodecsAgree(String name, EcCurve curve) {
        int groups = 0;
        for (var group : Wycheproof.load(name).root().path("testGroups")) {
            byte[] der = HexFormat.of().parseHex(group.path("publicKeyDer").asText());
            byte[] point = HexFormat.of().parseHex(group.path("publicKey").path("uncompressed").asText());
            EcPublicKey fromSpki = EcPublicKey.fromSpki(curve, der);
            assertThat(fromSpki).isEqualTo(EcPublicKey.fromPoint(curve, point));
            assertThat(fromSpki.spki()).isEqualTo(der);
            assertThat(fromSpki.uncompressed()).isEqualTo(point);
            assertThat(EcPublicKey.fromPoint(curve, fromSpki.compressed())).isEqualTo(fromSpki);
            groups++;
        }
        assertThat(groups).isGreaterThan(100);
    }
}
