package io.keyward.protocol.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.aead.AesGcm;
import io.keyward.crypto.aead.AuthenticationFailedException;
import io.keyward.crypto.kdf.HkdfSha256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SealedChannelTest {
    private static final byte[] SESSION_KEY = HexFormat.of().parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
                    + "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f");
    private static final byte[] BODY = "{\"secret\":\"hunter2\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void requestMatchesTheDesignConstructionExactly() {
        // Recomputed here from DESIGN.md with the bare primitives, so a drift in either side shows.
        byte[] k = HkdfSha256.derive(new byte[0], SESSION_KEY, "keyward/v1/channel".getBytes(StandardCharsets.US_ASCII), 64);
        byte[] nonce = HexFormat.of().parseHex("00000000" + "0000000000000007");
        byte[] aad = "POST /v1/account/complete?x=1\nsid-1\n7".getBytes(StandardCharsets.UTF_8);
        byte[] expected = AesGcm.AES_256.seal(Arrays.copyOfRange(k, 0, 32), nonce, BODY, aad);
        try (ChannelKeys keys = ChannelKeys.derive(SESSION_KEY)) {
            assertThat(SealedChannel.sealRequest(keys, "POST", "/v1/account/complete?x=1", "sid-1", 7, BODY))
                    .isEqualTo(expected);
            byte[] response = AesGcm.AES_256.seal(Arrays.copyOfRange(k, 32, 64), nonce, BODY,
                    "200\nsid-1\n7".getBytes(StandardCharsets.UTF_8));
            assertThat(SealedChannel.sealResponse(keys, 200, "sid-1", 7, BODY)).isEqualTo(response);
            assertThat(SealedChannel.openResponse(keys, 200, "sid-1", 7, response)).isEqualTo(BODY);
        }
    }

    @Test
    void aSealedBodyOpensOnlyWhereItWasBound() {
        try (ChannelKeys keys = ChannelKeys.derive(SESSION_KEY)) {
            byte[] sealed = SealedChannel.sealRequest(keys, "POST", "/v1/a", "s", 3, BODY);
            assertThat(SealedChannel.openRequest(keys, "POST", "/v1/a", "s", 3, sealed)).isEqualTo(BODY);
            assertThatThrownBy(() -> SealedChannel.openRequest(keys, "PUT", "/v1/a", "s", 3, sealed))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThatThrownBy(() -> SealedChannel.openRequest(keys, "POST", "/v1/b", "s", 3, sealed))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThatThrownBy(() -> SealedChannel.openRequest(keys, "POST", "/v1/a", "t", 3, sealed))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThatThrownBy(() -> SealedChannel.openRequest(keys, "POST", "/v1/a", "s", 4, sealed))
                    .isInstanceOf(AuthenticationFailedException.class);
            for (int bit = 0; bit < sealed.length * 8; bit += 7) {
                byte[] flipped = sealed.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                assertThatThrownBy(() -> SealedChannel.openRequest(keys, "POST", "/v1/a", "s", 3, flipped))
                        .isInstanceOf(AuthenticationFailedException.class);
            }
            // A response can never be replayed as a request: the directions use different keys.
            byte[] response = SealedChannel.sealResponse(keys, 200, "s", 3, BODY);
            assertThatThrownBy(() -> SealedChannel.openRequest(keys, "POST", "/v1/a", "s", 3, response))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void keysSurviveStorageAndAreRedacted() {
        try (ChannelKeys keys = ChannelKeys.derive(SESSION_KEY); ChannelKeys copy = ChannelKeys.fromBytes(keys.toBytes())) {
            byte[] sealed = SealedChannel.sealRequest(keys, "GET", "/v1/account", "s", 1, new byte[0]);
            assertThat(SealedChannel.openRequest(copy, "GET", "/v1/account", "s", 1, sealed)).isEmpty();
            assertThat(keys.toString()).doesNotContain(HexFormat.of().formatHex(keys.toBytes()).substring(0, 8));
        }
    }

    @Test
    void seqHeaderIsAStrictDecimalU64FromOne() {
        assertThat(SealedChannel.parseSeq("1")).isEqualTo(1);
        assertThat(SealedChannel.parseSeq("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        for (String bad : new String[] {null, "", "0", "-1", "+1", "01", "1.0", " 1", "9223372036854775808", "abc"}) {
            assertThatThrownBy(() -> SealedChannel.parseSeq(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Keyward-Seq");
        }
    }
}
