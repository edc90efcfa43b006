package io.keyward.crypto.aead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.testing.Wycheproof;
import io.keyward.crypto.testing.Wycheproof.Case;
import io.keyward.crypto.testing.Wycheproof.Outcome;
import io.keyward.crypto.util.Bytes;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The AEADs against Wycheproof: open must authenticate exactly the valid tests, seal must reproduce them. */
class AeadWycheproofTest {

    @Test
    void aesGcm() {
        Wycheproof file = Wycheproof.load("aes_gcm_test.json");
        Wycheproof.Tally tally = file.run(c -> {
            if (c.groupInteger("tagSize") != 128) {
                return Outcome.skipped("tag size " + c.groupInteger("tagSize") + " bits (AesGcm uses 128)");
            }
            return check(AesGcm.of(c.groupInteger("keySize") / 8, c.groupInteger("ivSize") / 8), c);
        });
        // Every key size (128, 192, 256) and every IV size but the empty one (refused) ran.
        assertThat(tally.passed()).isEqualTo(229);
    }

    @Test
    void chaCha20Poly1305() {
        Wycheproof.Tally tally = Wycheproof.load("chacha20_poly1305_test.json").run(c -> check(ChaCha20Poly1305.INSTANCE, c));
        assertThat(tally.passed()).isEqualTo(256);
    }

    @Test
    void xChaCha20Poly1305() {
        Wycheproof.Tally tally = Wycheproof.load("xchacha20_poly1305_test.json").run(c -> check(XChaCha20Poly1305.INSTANCE, c));
        assertThat(tally.passed()).isEqualTo(246);
    }

    @Test
    void aFlippedTagBitIsRejectedByEveryAead() {
        assertTamperedTagRejected("aes_gcm_test.json", c -> AesGcm.of(c.groupInteger("keySize") / 8, c.groupInteger("ivSize") / 8));
        assertTamperedTagRejected("chacha20_poly1305_test.json", c -> ChaCha20Poly1305.INSTANCE);
        assertTamperedTagRejected("xchacha20_poly1305_test.json", c -> XChaCha20Poly1305.INSTANCE);
    }

    private static void assertTamperedTagRejected(String name, Function<Case, Aead> aeadFor) {
        Case valid = Wycheproof.load(name).firstValid();
        Aead aead = aeadFor.apply(valid);
        byte[] sealed = Bytes.concat(valid.bytes("ct"), valid.bytes("tag"));
        assertThat(aead.open(valid.bytes("key"), valid.bytes("iv"), sealed, valid.bytes("aad"))).isEqualTo(valid.bytes("msg"));
        sealed[sealed.length - 1] ^= 0x01;
        assertThatThrownBy(() -> aead.open(valid.bytes("key"), valid.bytes("iv"), sealed, valid.bytes("aad")))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessage(aead.name() + " ciphertext failed to authenticate");
    }

    static Outcome check(Aead aead, Case c) {
        byte[] key = c.bytes("key");
        byte[] nonce = c.bytes("iv");
        byte[] aad = c.bytes("aad");
        byte[] sealed = Bytes.concat(c.bytes("ct"), c.bytes("tag"));
        byte[] opened = aead.open(key, nonce, sealed, aad);
        return Outcome.expectEqual("plaintext", opened, c.bytes("msg"))
                .then(() -> Outcome.expectEqual("ciphertext||tag", aead.seal(key, nonce, c.bytes("msg"), aad), sealed));
    }
}
