package io.keyward.crypto.kdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.testing.Wycheproof;
import io.keyward.crypto.testing.Wycheproof.Case;
import io.keyward.crypto.testing.Wycheproof.Outcome;
import org.junit.jupiter.api.Test;

class KdfWycheproofTest {

    /** Each test through derive() and through extract() then expand(): both paths must agree with the file. */
    @Test
    void hkdfSha256() {
        Wycheproof.Tally tally = Wycheproof.load("hkdf_sha256_test.json").run(c -> {
            int size = c.integer("size");
            byte[] okm = HkdfSha256.derive(c.bytes("salt"), c.bytes("ikm"), c.bytes("info"), size);
            return Outcome.expectEqual("okm (derive)", okm, c.bytes("okm")).then(() -> {
                byte[] prk = HkdfSha256.extract(c.bytes("salt"), c.bytes("ikm"));
                return Outcome.expectEqual("okm (extract+expand)", HkdfSha256.expand(prk, c.bytes("info"), size), c.bytes("okm"));
            });
        });
        assertThat(tally.passed()).isEqualTo(83);
    }

    @Test
    void pbkdf2HmacSha512() {
        Wycheproof.Tally tally = Wycheproof.load("pbkdf2_hmacsha512_test.json").run(c -> {
            Pbkdf2HmacSha512 kdf = new Pbkdf2HmacSha512(c.integer("iterationCount"), c.integer("dkLen"));
            return Outcome.expectEqual("dk", kdf.derive(c.bytes("password"), c.bytes("salt")), c.bytes("dk"));
        });
        assertThat(tally.passed()).isEqualTo(58);
    }

    @Test
    void aCorruptedVectorDoesNotMatch() {
        Case hkdf = Wycheproof.load("hkdf_sha256_test.json").firstValid();
        byte[] ikm = hkdf.bytes("ikm");
        ikm[0] ^= 0x01;
        assertThat(HkdfSha256.derive(hkdf.bytes("salt"), ikm, hkdf.bytes("info"), hkdf.integer("size")))
                .isNotEqualTo(hkdf.bytes("okm"));

        Case pbkdf2 = Wycheproof.load("pbkdf2_hmacsha512_test.json").firstValid();
        byte[] salt = pbkdf2.bytes("salt");
        salt[0] ^= 0x01;
        assertThat(new Pbkdf2HmacSha512(pbkdf2.integer("iterationCount"), pbkdf2.integer("dkLen")).derive(pbkdf2.bytes("password"), salt))
                .isNotEqualTo(pbkdf2.bytes("dk"));
    }

    @Test
    void rfc5869TestCase3EmptySaltAndInfo() {
        var hex = java.util.HexFormat.of();
        byte[] ikm = hex.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        assertThat(hex.formatHex(HkdfSha256.extract(null, ikm)))
                .isEqualTo("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04");
        assertThat(hex.formatHex(HkdfSha256.derive(new byte[0], ikm, null, 42)))
                .isEqualTo("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
    }

    @Test
    void refusesBadParameters() {
        assertThatThrownBy(() -> HkdfSha256.derive(null, new byte[32], null, 8161)).isInstanceOf(CryptoException.class)
                .hasMessage("HKDF-SHA256 output length must be 1 to 8160 bytes");
        assertThatThrownBy(() -> HkdfSha256.expand(new byte[31], null, 32)).isInstanceOf(io.keyward.crypto.InvalidKeyException.class);
        assertThatThrownBy(() -> new Pbkdf2HmacSha512(0, 32)).hasMessage("PBKDF2 iteration count must be at least 1");
    }
}
