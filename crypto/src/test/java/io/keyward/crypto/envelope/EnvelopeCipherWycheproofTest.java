package io.keyward.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.crypto.aead.AesGcm;
import io.keyward.crypto.aead.AuthenticationFailedException;
import io.keyward.crypto.testing.Vectors;
import io.keyward.crypto.util.Bytes;
import java.io.IOException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The envelope's cipher, {@link AesGcm#AES_256}, against every Wycheproof AES-GCM case with the
 * envelope's parameters: 256-bit key, 96-bit nonce, 128-bit tag. (The whole AES-GCM file, other
 * key and nonce sizes included, is the primitive's own test.)
 */
class EnvelopeCipherWycheproofTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void aes256Gcm96BitNonce128BitTag() throws IOException {
        JsonNode root = new ObjectMapper().readTree(Vectors.file("wycheproof/aes_gcm_test.json").toFile());
        int valid = 0;
        int invalid = 0;
        for (JsonNode group : root.get("testGroups")) {
            if (group.get("keySize").asInt() != 256 || group.get("ivSize").asInt() != 96
                    || group.get("tagSize").asInt() != 128) {
                continue;
            }
            for (JsonNode test : group.get("tests")) {
                String id = "tcId " + test.get("tcId").asInt();
                byte[] key = hex(test, "key");
                byte[] iv = hex(test, "iv");
                byte[] aad = hex(test, "aad");
                byte[] msg = hex(test, "msg");
                byte[] ciphertextAndTag = Bytes.concat(hex(test, "ct"), hex(test, "tag"));
                switch (test.get("result").asText()) {
                    case "valid" -> {
                        assertThat(AesGcm.AES_256.seal(key, iv, msg, aad)).as(id).isEqualTo(ciphertextAndTag);
                        assertThat(AesGcm.AES_256.open(key, iv, ciphertextAndTag, aad)).as(id).isEqualTo(msg);
                        valid++;
                    }
                    case "invalid" -> {
                        assertThatThrownBy(() -> AesGcm.AES_256.open(key, iv, ciphertextAndTag, aad)).as(id)
                                .isInstanceOf(AuthenticationFailedException.class);
                        invalid++;
                    }
                    default -> throw new AssertionError(id + ": unexpected result " + test.get("result"));
                }
            }
        }
        // The file holds 66 such cases; a filter that silently matched nothing must fail.
        assertThat(valid).isEqualTo(39);
        assertThat(invalid).isEqualTo(27);
    }

    private static byte[] hex(JsonNode test, String field) {
        return HEX.parseHex(test.get(field).asText());
    }
}
