package io.keyward.crypto.h2c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.crypto.testing.Vectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ExpandMessageXmdTest {
    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest
    @CsvSource({"expand_message_xmd_SHA256_38.json, SHA256", "expand_message_xmd_SHA512_38.json, SHA512"})
    void matchesRfc9380Vectors(String file, XmdHash hash) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Vectors.file(file).toFile());
        byte[] dst = root.get("DST").asText().getBytes(StandardCharsets.US_ASCII);
        int count = 0;
        for (JsonNode test : root.get("tests")) {
            byte[] msg = test.get("msg").asText().getBytes(StandardCharsets.US_ASCII);
            int len = Integer.decode(test.get("len_in_bytes").asText());
            assertThat(HEX.formatHex(ExpandMessageXmd.expand(hash, msg, dst, len)))
                    .as("%s msg=%s len=%d", file, test.get("msg").asText(), len)
                    .isEqualTo(test.get("uniform_bytes").asText());
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aCorruptedVectorDoesNotMatch() throws IOException {
        JsonNode root = new ObjectMapper().readTree(Vectors.file("expand_message_xmd_SHA256_38.json").toFile());
        JsonNode test = root.get("tests").get(0);
        byte[] expected = HEX.parseHex(test.get("uniform_bytes").asText());
        expected[0] ^= 1;
        byte[] actual = ExpandMessageXmd.expand(XmdHash.SHA256, test.get("msg").asText().getBytes(StandardCharsets.US_ASCII),
                root.get("DST").asText().getBytes(StandardCharsets.US_ASCII), expected.length);
        assertThat(actual).isNotEqualTo(expected);
    }

    @Test
    void anOversizeTagIsHashedFirst() throws Exception {
        // RFC 9380 section 5.3.3: DST = H("H2C-OVERSIZE-DST-" || DST) when DST exceeds 255 bytes.
        byte[] longDst = new byte[300];
        java.util.Arrays.fill(longDst, (byte) 'x');
        for (XmdHash hash : XmdHash.values()) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance(hash == XmdHash.SHA256 ? "SHA-256" : "SHA-512");
            md.update("H2C-OVERSIZE-DST-".getBytes(StandardCharsets.US_ASCII));
            byte[] shortDst = md.digest(longDst);
            byte[] msg = "abc".getBytes(StandardCharsets.US_ASCII);
            assertThat(ExpandMessageXmd.expand(hash, msg, longDst, 80)).isEqualTo(ExpandMessageXmd.expand(hash, msg, shortDst, 80));
        }
        byte[] dst255 = java.util.Arrays.copyOf(longDst, 255);
        assertThat(ExpandMessageXmd.expand(XmdHash.SHA256, new byte[0], dst255, 32)).hasSize(32);
    }

    @Test
    void refusesLengthsAndTagsTheRfcForbids() {
        byte[] dst = "DST".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> ExpandMessageXmd.expand(XmdHash.SHA256, new byte[0], dst, 255 * 32 + 1))
                .isInstanceOf(HashToCurveException.class).hasMessageContaining("cannot produce");
        assertThatThrownBy(() -> ExpandMessageXmd.expand(XmdHash.SHA256, new byte[0], dst, 0))
                .isInstanceOf(HashToCurveException.class);
        assertThatThrownBy(() -> ExpandMessageXmd.expand(XmdHash.SHA512, new byte[0], new byte[0], 32))
                .isInstanceOf(HashToCurveException.class).hasMessageContaining("DST");
        assertThat(ExpandMessageXmd.expand(XmdHash.SHA512, new byte[0], dst, 255 * 64)).hasSize(255 * 64);
    }
}
