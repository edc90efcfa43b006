package io.keyward.crypto.rsa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyward.crypto.CryptoException;
import io.keyward.crypto.pem.PemKeys;
import io.keyward.crypto.testing.Wycheproof;
import io.keyward.crypto.testing.Wycheproof.Case;
import io.keyward.crypto.testing.Wycheproof.Outcome;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Wycheproof RSASSA-PSS (SHA-256, MGF1-SHA-256, salt 32) verification vectors through {@link RsaPssSha256}. */
class RsaPssSha256WycheproofTest {

    @ParameterizedTest
    @ValueSource(strings = {"rsa_pss_2048_sha256_mgf1_32_test.json", "rsa_pss_4096_sha256_mgf1_32_test.json"})
    void everyVectorHasTheExpectedOutcome(String file) {
        Wycheproof suite = Wycheproof.load(file);
        assertThat(suite.root().path("schema").asText()).isEqualTo("rsassa_pss_verify_schema_v1.json");
        Map<JsonNode, RSAPublicKey> keys = new IdentityHashMap<>();
        Wycheproof.Tally tally = suite.run(c -> {
            assertThat(c.group().path("sha").asText()).isEqualTo("SHA-256");
            assertThat(c.group().path("mgfSha").asText()).isEqualTo("SHA-256");
            RSAPublicKey key = keys.computeIfAbsent(c.group(), RsaPssSha256WycheproofTest::publicKey);
            if (!RsaPssSha256.verify(key, c.bytes("msg"), c.bytes("sig"), c.groupInteger("sLen"))) {
                throw new CryptoException("signature did not verify");
            }
            return Outcome.accepted();
        });
        assertThat(tally.rejected()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa_pss_2048_sha256_mgf1_32_test.json", "rsa_pss_4096_sha256_mgf1_32_test.json"})
    void aCorruptedValidVectorFailsAndTheWrongSaltLengthFails(String file) {
        Case valid = Wycheproof.load(file).firstValid();
        RSAPublicKey key = publicKey(valid.group());
        byte[] sig = valid.bytes("sig");
        byte[] msg = valid.bytes("msg");
        assertThat(RsaPssSha256.verify(key, msg, sig, 32)).isTrue();
        assertThat(RsaPssSha256.verify(key, msg, sig, 20)).isFalse();
        sig[5] ^= 0x01;
        assertThat(RsaPssSha256.verify(key, msg, sig, 32)).isFalse();
    }

    /** Through the project's PEM reader; its DER output must equal the file's. */
    private static RSAPublicKey publicKey(JsonNode group) {
        RSAPublicKey key = PemKeys.readRsaPublicKey(group.path("publicKeyPem").asText());
        assertThat(PemKeys.publicKeyDer(key)).isEqualTo(HexFormat.of().parseHex(group.path("publicKeyDer").asText()));
        return key;
    }
}
