package io.keyward.crypto.rsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyward.crypto.pem.PemKeys;
import io.keyward.crypto.testing.Wycheproof;
import io.keyward.crypto.testing.Wycheproof.Case;
import io.keyward.crypto.testing.Wycheproof.Outcome;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Wycheproof RSAES-OAEP (SHA-256, MGF1-SHA-256) decryption vectors through {@link RsaOaepSha256}. */
class RsaOaepSha256WycheproofTest {

    @ParameterizedTest
    @ValueSource(strings = {"rsa_oaep_2048_sha256_mgf1sha256_test.json", "rsa_oaep_4096_sha256_mgf1sha256_test.json"})
    void everyVectorHasTheExpectedOutcome(String file) {
        Wycheproof suite = Wycheproof.load(file);
        assertThat(suite.root().path("schema").asText()).isEqualTo("rsaes_oaep_decrypt_schema_v1.json");
        Map<JsonNode, RSAPrivateCrtKey> keys = new IdentityHashMap<>();
        Wycheproof.Tally tally = suite.run(c -> {
            assertThat(c.group().path("sha").asText()).isEqualTo("SHA-256");
            assertThat(c.group().path("mgfSha").asText()).isEqualTo("SHA-256");
            RSAPrivateCrtKey key = keys.computeIfAbsent(c.group(), RsaOaepSha256WycheproofTest::privateKey);
            byte[] plaintext = RsaOaepSha256.decrypt(key, c.bytes("ct"), c.bytes("label"));
            return Outcome.expectEqual("msg", plaintext, c.bytes("msg"));
        });
        assertThat(tally.rejected()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa_oaep_2048_sha256_mgf1sha256_test.json", "rsa_oaep_4096_sha256_mgf1sha256_test.json"})
    void encryptionRoundTripsWithTheVectorKeyAndACorruptedVectorFails(String file) {
        Case valid = Wycheproof.load(file).firstValid();
        RSAPrivateCrtKey key = privateKey(valid.group());
        RSAPublicKey pub = PemKeys.publicKeyOf(key);
        byte[] message = "thirty-two bytes of key material".getBytes();
        byte[] ct = RsaOaepSha256.encrypt(pub, message);
        assertThat(ct).hasSize(RsaOaepSha256.ciphertextLength(pub));
        assertThat(RsaOaepSha256.decrypt(key, ct)).isEqualTo(message);

        assertThat(RsaOaepSha256.decrypt(key, valid.bytes("ct"), valid.bytes("label"))).isEqualTo(valid.bytes("msg"));
        byte[] corrupted = valid.bytes("ct");
        corrupted[corrupted.length / 2] ^= 0x10;
        assertThatThrownBy(() -> RsaOaepSha256.decrypt(key, corrupted, valid.bytes("label")))
                .isInstanceOf(RsaDecryptionException.class)
                .hasMessage("RSA-OAEP decryption failed: wrong key or corrupted ciphertext");
    }

    /** The key goes through the project's own PEM reader, as an operator's key would. */
    private static RSAPrivateCrtKey privateKey(JsonNode group) {
        RSAPrivateCrtKey key = PemKeys.readRsaPrivateKey(group.path("privateKeyPem").asText(), null);
        assertThat(key.getModulus().bitLength()).isEqualTo(group.path("keySize").asInt());
        return key;
    }
}
