package io.keyward.crypto.mac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.InvalidKeyException;
import io.keyward.crypto.aead.AuthenticationFailedException;
import io.keyward.crypto.testing.Wycheproof;
import io.keyward.crypto.testing.Wycheproof.Case;
import io.keyward.crypto.testing.Wycheproof.Outcome;
import org.junit.jupiter.api.Test;

class HmacSha256WycheproofTest {

    @Test
    void hmacSha256IncludingTruncatedTags() {
        Wycheproof.Tally tally = Wycheproof.load("hmac_sha256_test.json").run(c -> {
            // The file's 128-bit groups hold the leftmost half of the HMAC (truncated tags).
            HmacSha256 mac = HmacSha256.truncatedTo(c.groupInteger("tagSize") / 8);
            mac.verify(c.bytes("key"), c.bytes("msg"), c.bytes("tag"));
            return Outcome.expectEqual("tag", mac.compute(c.bytes("key"), c.bytes("msg")), c.bytes("tag"));
        });
        assertThat(tally.passed()).isEqualTo(66);
    }

    @Test
    void aFlippedTagBitIsRejected() {
        Case valid = Wycheproof.load("hmac_sha256_test.json").firstValid();
        byte[] tag = valid.bytes("tag");
        tag[tag.length - 1] ^= 0x01;
        assertThatThrownBy(() -> HmacSha256.FULL.verify(valid.bytes("key"), valid.bytes("msg"), tag))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessage("HMAC-SHA256 tag failed to authenticate");
    }

    @Test
    void aTagOfAnotherLengthIsRejected() {
        Case valid = Wycheproof.load("hmac_sha256_test.json").firstValid();
        byte[] full = HmacSha256.FULL.compute(valid.bytes("key"), valid.bytes("msg"));
        byte[] half = java.util.Arrays.copyOf(full, 16);
        assertThatThrownBy(() -> HmacSha256.FULL.verify(valid.bytes("key"), valid.bytes("msg"), half))
                .isInstanceOf(AuthenticationFailedException.class);
        HmacSha256.truncatedTo(16).verify(valid.bytes("key"), valid.bytes("msg"), half);
    }

    @Test
    void refusesShortKeysAndTags() {
        assertThatThrownBy(() -> HmacSha256.FULL.compute(new byte[15], new byte[0])).isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> HmacSha256.truncatedTo(15)).isInstanceOf(CryptoException.class)
                .hasMessage("HMAC-SHA256 tag length must be 16 to 32 bytes");
    }
}
