package io.keyward.crypto.hpke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.aead.AuthenticationFailedException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * RFC 9180 appendix A vectors, first encryption (sequence number 0) of each: the sender, given the
 * vector's ephemeral key, must produce exactly the published enc and ct, and the recipient must
 * open the published ct. The suites are those of the appendix that share Keyward's KEMs and KDF;
 * Keyward itself seals with AES-256-GCM, which only changes Nk (checked by the round trips below).
 */
class HpkeRfc9180Test {
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** "Ode on a Grecian Urn", the info of every appendix A vector. */
    private static final byte[] INFO = HEX.parseHex("4f6465206f6e2061204772656369616e2055726e");
    /** "Beauty is truth, truth beauty". */
    private static final byte[] PT = HEX.parseHex("4265617574792069732074727574682c20747275746820626561757479");
    /** "Count-0". */
    private static final byte[] AAD = HEX.parseHex("436f756e742d30");

    record Vector(String name, HpkeKem kem, HpkeAead aead, Hpke.Mode mode, String skEm, String skRm, String pkRm,
            String skSm, String pkSm, String enc, String ct) {}

    /** RFC 9180 A.1.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode. */
    static final Vector A_1_1 = new Vector("A.1.1", HpkeKem.DHKEM_X25519_HKDF_SHA256, HpkeAead.AES_128_GCM, Hpke.Mode.BASE,
            "52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736",
            "4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8",
            "3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d",
            null, null,
            "37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431",
            "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a");

    /** RFC 9180 A.2.3: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20Poly1305, auth mode. */
    static final Vector A_2_3 = new Vector("A.2.3", HpkeKem.DHKEM_X25519_HKDF_SHA256, HpkeAead.CHACHA20_POLY1305, Hpke.Mode.AUTH,
            "c94619e1af28971c8fa7957192b7e62a71ca2dcdde0a7cc4a8a9e741d600ab13",
            "3ca22a6d1cda1bb9480949ec5329d3bf0b080ca4c45879c95eddb55c70b80b82",
            "1a478716d63cb2e16786ee93004486dc151e988b34b475043d3e0175bdb01c44",
            "2def0cb58ffcf83d1062dd085c8aceca7f4c0c3fd05912d847b61f3e54121f05",
            "f0f4f9e96c54aeed3f323de8534fffd7e0577e4ce269896716bcb95643c8712b",
            "f7674cc8cd7baa5872d1f33dbaffe3314239f6197ddf5ded1746760bfc847e0e",
            "ab1a13c9d4f01a87ec3440dbd756e2677bd2ecf9df0ce7ed73869b98e00c09be111cb9fdf077347aeb88e61bdf");

    /** RFC 9180 A.3.1: DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode. */
    static final Vector A_3_1 = new Vector("A.3.1", HpkeKem.DHKEM_P256_HKDF_SHA256, HpkeAead.AES_128_GCM, Hpke.Mode.BASE,
            "4995788ef4b9d6132b249ce59a77281493eb39af373d236a1fe415cb0c2d7beb",
            "f3ce7fdae57e1a310d87f1ebbde6f328be0a99cdbcadf4d6589cf29de4b8ffd2",
            "04fe8c19ce0905191ebc298a9245792531f26f0cece2460639e8bc39cb7f706a826a779b4cf969b8a0e539c7f62fb3d30ad6aa8f80e30f1d128aafd68a2ce72ea0",
            null, null,
            "04a92719c6195d5085104f469a8b9814d5838ff72b60501e2c4466e5e67b325ac98536d7b61a1af4b78e5b7f951c0900be863c403ce65c9bfcb9382657222d18c4",
            "5ad590bb8baa577f8619db35a36311226a896e7342a6d836d8b7bcd2f20b6c7f9076ac232e3ab2523f39513434");

    /** RFC 9180 A.3.3: DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, auth mode. */
    static final Vector A_3_3 = new Vector("A.3.3", HpkeKem.DHKEM_P256_HKDF_SHA256, HpkeAead.AES_128_GCM, Hpke.Mode.AUTH,
            "6b8de0873aed0c1b2d09b8c7ed54cbf24fdf1dfc7a47fa501f918810642d7b91",
            "d929ab4be2e59f6954d6bedd93e638f02d4046cef21115b00cdda2acb2a4440e",
            "04423e363e1cd54ce7b7573110ac121399acbc9ed815fae03b72ffbd4c18b01836835c5a09513f28fc971b7266cfde2e96afe84bb0f266920e82c4f53b36e1a78d",
            "1120ac99fb1fccc1e8230502d245719d1b217fe20505c7648795139d177f0de9",
            "04a817a0902bf28e036d66add5d544cc3a0457eab150f104285df1e293b5c10eef8651213e43d9cd9086c80b309df22cf37609f58c1127f7607e85f210b2804f73",
            "042224f3ea800f7ec55c03f29fc9865f6ee27004f818fcbdc6dc68932c1e52e15b79e264a98f2c535ef06745f3d308624414153b22c7332bc1e691cb4af4d53454",
            "82ffc8c44760db691a07c5627e5fc2c08e7a86979ee79b494a17cc3405446ac2bdb8f265db4a099ed3289ffe19");

    @Test
    void rfc9180Vectors() {
        for (Vector v : new Vector[] {A_1_1, A_2_3, A_3_1, A_3_3}) {
            Hpke hpke = Hpke.of(v.kem(), v.aead());
            byte[] skS = v.skSm() == null ? null : HEX.parseHex(v.skSm());
            assertThat(v.kem().publicKeyOf(HEX.parseHex(v.skRm()))).as(v.name() + " pkRm").isEqualTo(HEX.parseHex(v.pkRm()));
            if (skS != null) {
                assertThat(v.kem().publicKeyOf(skS)).as(v.name() + " pkSm").isEqualTo(HEX.parseHex(v.pkSm()));
            }
            Hpke.Sealed sealed = hpke.seal(v.mode(), HEX.parseHex(v.pkRm()), skS, HEX.parseHex(v.skEm()), INFO, AAD, PT);
            assertThat(HEX.formatHex(sealed.enc())).as(v.name() + " enc").isEqualTo(v.enc());
            assertThat(HEX.formatHex(sealed.ciphertext())).as(v.name() + " ct").isEqualTo(v.ct());
            byte[] opened = v.mode() == Hpke.Mode.AUTH
                    ? hpke.openAuth(HEX.parseHex(v.enc()), HEX.parseHex(v.skRm()), HEX.parseHex(v.pkSm()), INFO, AAD, HEX.parseHex(v.ct()))
                    : hpke.openBase(HEX.parseHex(v.enc()), HEX.parseHex(v.skRm()), INFO, AAD, HEX.parseHex(v.ct()));
            assertThat(opened).as(v.name() + " pt").isEqualTo(PT);
        }
    }

    @Test
    void aTamperedVectorCiphertextOrWrongSenderIsRejected() {
        Vector v = A_3_3;
        Hpke hpke = Hpke.of(v.kem(), v.aead());
        byte[] ct = HEX.parseHex(v.ct());
        ct[3] ^= 0x01;
        assertThatThrownBy(() -> hpke.openAuth(HEX.parseHex(v.enc()), HEX.parseHex(v.skRm()), HEX.parseHex(v.pkSm()), INFO, AAD, ct))
                .isInstanceOf(AuthenticationFailedException.class);
        // A different sender key (the recipient's own) must not authenticate.
        assertThatThrownBy(() -> hpke.openAuth(HEX.parseHex(v.enc()), HEX.parseHex(v.skRm()), HEX.parseHex(v.pkRm()), INFO, AAD,
                HEX.parseHex(v.ct()))).isInstanceOf(AuthenticationFailedException.class);
        // Auth-mode ciphertext does not open in base mode.
        assertThatThrownBy(() -> hpke.openBase(HEX.parseHex(v.enc()), HEX.parseHex(v.skRm()), INFO, AAD, HEX.parseHex(v.ct())))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void aes256GcmRoundTripsInBothModesAndBadKeysAreRefused() {
        for (HpkeKem kem : HpkeKem.values()) {
            Hpke hpke = Hpke.of(kem, HpkeAead.AES_256_GCM);
            byte[] skR = kem.generatePrivateKey(RANDOM);
            byte[] skS = kem.generatePrivateKey(RANDOM);
            Hpke.Sealed base = hpke.sealBase(kem.publicKeyOf(skR), INFO, AAD, PT, RANDOM);
            assertThat(hpke.openBase(base.enc(), skR, INFO, AAD, base.ciphertext())).isEqualTo(PT);
            Hpke.Sealed auth = hpke.sealAuth(kem.publicKeyOf(skR), skS, INFO, AAD, PT, RANDOM);
            assertThat(hpke.openAuth(auth.enc(), skR, kem.publicKeyOf(skS), INFO, AAD, auth.ciphertext())).isEqualTo(PT);
            assertThatThrownBy(() -> hpke.openBase(base.enc(), skR, INFO, new byte[0], base.ciphertext()))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThatThrownBy(() -> hpke.openBase(new byte[3], skR, INFO, AAD, base.ciphertext()))
                    .isInstanceOf(HpkeException.class);
        }
        byte[] offCurve = new byte[65];
        offCurve[0] = 4;
        offCurve[64] = 7;
        Hpke p256 = Hpke.of(HpkeKem.DHKEM_P256_HKDF_SHA256, HpkeAead.AES_256_GCM);
        assertThatThrownBy(() -> p256.sealBase(offCurve, INFO, AAD, PT, RANDOM)).isInstanceOf(HpkeException.class)
                .hasMessageContaining("not a valid point");
        // An all-zero (small-order) X25519 key gives an all-zero DH output, which RFC 9180 7.1.4 refuses.
        Hpke x = Hpke.of(HpkeKem.DHKEM_X25519_HKDF_SHA256, HpkeAead.AES_256_GCM);
        assertThatThrownBy(() -> x.sealBase(new byte[32], INFO, AAD, PT, RANDOM)).isInstanceOf(HpkeException.class)
                .hasMessageContaining("small order");
    }
}
