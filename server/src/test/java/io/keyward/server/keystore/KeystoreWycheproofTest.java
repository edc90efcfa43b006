package io.keyward.server.keystore;

import static io.keyward.server.keystore.KeystoresIntegrationTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.client.KeywardClient;
import io.keyward.client.Keystores;
import io.keyward.client.Keystores.Requests;
import io.keyward.client.Session;
import io.keyward.crypto.keys.VersionedValue;
import io.keyward.crypto.testing.Vectors;
import io.keyward.crypto.util.Base64Url;
import io.keyward.crypto.util.Bytes;
import io.keyward.protocol.keystore.ImportKeyRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wycheproof through the whole API: each case's key imported raw, its ciphertext or tag sent as a
 * {@code kw:v1:} value over HTTPS; valid cases answer the message, invalid ones their problem code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeystoreWycheproofTest {
    private static final HexFormat HEX = HexFormat.of();

    KeystoreCluster cluster;
    KeywardClient client;
    Session session;
    Keystores ks;
    String store;

    @BeforeAll
    void start(@TempDir Path dir) {
        cluster = new KeystoreCluster(dir, false);
        client = cluster.client();
        session = cluster.user(client, "wyche");
        ks = new Keystores(session);
        store = ks.create().keystoreId();
    }

    @AfterAll
    void stop() {
        if (session != null) {
            session.close();
            client.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"aes_gcm_test.json, aes256-gcm, 96", "chacha20_poly1305_test.json, chacha20-poly1305, 96",
        "xchacha20_poly1305_test.json, xchacha20-poly1305, 192"})
    void aeadDecryptPath(String file, String type, int nonceBits) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Vectors.file("wycheproof/" + file).toFile());
        int valid = 0;
        int invalid = 0;
        for (JsonNode group : root.get("testGroups")) {
            if (group.get("keySize").asInt() != 256 || group.get("ivSize").asInt() != nonceBits
                    || group.get("tagSize").asInt() != 128) {
                continue;
            }
            for (JsonNode test : group.get("tests")) {
                String key = type + "-" + test.get("tcId").asInt();
                ks.importKey(store, new ImportKeyRequest(type, "raw", Base64Url.encode(hex(test, "key")), key));
                String ciphertext = new VersionedValue(1, Bytes.concat(hex(test, "iv"), hex(test, "ct"), hex(test, "tag")))
                        .format();
                byte[] aad = hex(test, "aad");
                if (test.get("result").asText().equals("valid")) {
                    assertThat(ks.decrypt(store, key, ciphertext, aad)).as(key).isEqualTo(hex(test, "msg"));
                    valid++;
                } else {
                    assertCode(() -> ks.decrypt(store, key, ciphertext, aad), 400, "decryption_failed");
                    invalid++;
                }
            }
        }
        assertThat(valid).as("valid cases run").isPositive();
        assertThat(invalid).as("invalid cases run").isPositive();
    }

    @Test
    void hmacSha256VerifyPath() throws IOException {
        JsonNode root = new ObjectMapper().readTree(Vectors.file("wycheproof/hmac_sha256_test.json").toFile());
        int valid = 0;
        int invalid = 0;
        for (JsonNode group : root.get("testGroups")) {
            int keyBytes = group.get("keySize").asInt() / 8;
            if (group.get("tagSize").asInt() != 256 || keyBytes < 16 || keyBytes > 64) {
                continue;
            }
            for (JsonNode test : group.get("tests")) {
                String key = "hmac-" + test.get("tcId").asInt();
                ks.importKey(store, new ImportKeyRequest("hmac-sha256", "raw", Base64Url.encode(hex(test, "key")), key));
                String mac = new VersionedValue(1, hex(test, "tag")).format();
                var request = Requests.verifyMac(hex(test, "msg"), mac);
                if (test.get("result").asText().equals("valid")) {
                    assertThat(ks.operate(store, key, "verify-mac", request).valid()).as(key).isTrue();
                    assertThat(ks.operate(store, key, "mac", Requests.message(hex(test, "msg"))).mac()).isEqualTo(mac);
                    valid++;
                } else {
                    assertCode(() -> ks.operate(store, key, "verify-mac", request), 400, "mac_invalid");
                    invalid++;
                }
            }
        }
        assertThat(valid).isPositive();
        assertThat(invalid).isPositive();
    }

    private static byte[] hex(JsonNode test, String field) {
        return HEX.parseHex(test.get(field).asText());
    }
}
