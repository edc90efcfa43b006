package io.keyward.crypto.keywrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.InvalidKeyException;
import io.keyward.crypto.aead.AuthenticationFailedException;
import io.keyward.crypto.testing.Wycheproof;
import io.keyward.crypto.testing.Wycheproof.Case;
import io.keyward.crypto.testing.Wycheproof.Outcome;
import org.junit.jupiter.api.Test;

class AesKeyWrapPadWycheproofTest {

    @Test
    void aesKwp() {
        Wycheproof.Tally tally = Wycheproof.load("aes_kwp_test.json").run(c -> {
            byte[] unwrapped = AesKeyWrapPad.unwrap(c.bytes("key"), c.bytes("ct"));
            return Outcome.expectEqual("unwrapped key", unwrapped, c.bytes("msg"))
                    .then(() -> Outcome.expectEqual("wrapped key", AesKeyWrapPad.wrap(c.bytes("key"), c.bytes("msg")), c.bytes("ct")));
        });
        assertThat(tally.passed()).isEqualTo(77);
    }

    @Test
    void aFlippedBitInTheWrappedKeyIsRejected() {
        Case valid = Wycheproof.load("aes_kwp_test.json").firstValid();
        byte[] wrapped = valid.bytes("ct");
        wrapped[0] ^= 0x01;
        assertThatThrownBy(() -> AesKeyWrapPad.unwrap(valid.bytes("key"), wrapped))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessage("AES-KWP wrapped key failed to authenticate");
    }

    @Test
    void refusesBadKeysAndEmptyInput() {
        assertThatThrownBy(() -> AesKeyWrapPad.wrap(new byte[20], new byte[16])).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> AesKeyWrapPad.wrap(new byte[16], new byte[0])).hasMessage("AES-KWP cannot wrap empty key material");
        assertThatThrownBy(() -> AesKeyWrapPad.unwrap(new byte[16], new byte[12])).isInstanceOf(AuthenticationFailedException.class);
    }
}
