package io.keyward.crypto.rsa;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyward.crypto.pem.PemKeys;
import io.keyward.crypto.testing.Wycheproof;
import io.keyward.crypto.testing.Wycheproof.Group;
import io.keyward.crypto.testing.Wycheproof.Result;
import io.keyward.crypto.testing.Wycheproof.Suite;
import io.keyward.crypto.testing.Wycheproof.TestCase;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Wycheproof RSASSA-PSS (SHA-256, MGF1-SHA-256, salt 32) verification vectors through {@link RsaPssSha256}. */
class RsaPssSha256WycheproofTest {

    @ParameterizedTest
    @ValueSource(strings = {"rsa_pss_2048_sha256_mgf1_32_test.json", "rsa_pss_4096_sha256_mgf1_32_test.json"})
    void everyVectorHasTheExpectedOutcome(String file) {
        Suite suite = Wycheproof.load(file);
        assertThat(suite.schema()).isEqualTo("rsassa_pss_verify_schema_v1.json");
        int valid = 0;
        int rejected = 0;
        for (Group group : suite.groups()) {
            assertThat(group.string("sha")).isEqualTo("SHA-256");
            assertThat(group.string("mgfSha")).isEqualTo("SHA-256");
            int saltLength = group.integer("sLen");
            RSAPublicKey key = PemKeys.readRsaPublicKey(group.string("publicKeyPem"));
            assertThat(PemKeys.publicKeyDer(key)).isEqualTo(group.hex("publicKeyDer"));
            for (TestCase test : group.tests()) {
                boolean verified = RsaPssSha256.verify(key, test.hex("msg"), test.hex("sig"), saltLength);
                if (test.result() == Result.VALID) {
                    assertThat(verified).as(test.describe()).isTrue();
                    valid++;
                } else if (test.result() == Result.INVALID) {
                    assertThat(verified).as(test.describe()).isFalse();
                    rejected++;
                }
            }
        }
        assertThat(valid).isPositive();
        assertThat(rejected).isPositive();
        System.out.printf("Wycheproof %s: %d valid verified, %d invalid rejected, %d total%n",
                file, valid, rejected, suite.allTests().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa_pss_2048_sha256_mgf1_32_test.json", "rsa_pss_4096_sha256_mgf1_32_test.json"})
    void aCorruptedValidVectorFailsAndTheWrongSaltLengthFails(String file) {
        Suite suite = Wycheproof.load(file);
        Group group = suite.groups().getFirst();
        RSAPublicKey key = PemKeys.readRsaPublicKey(group.string("publicKeyPem"));
        TestCase valid = group.tests().stream().filter(t -> t.result() == Result.VALID).findFirst().orElseThrow();
        byte[] sig = valid.hex("sig");
        byte[] msg = valid.hex("msg");
        assertThat(RsaPssSha256.verify(key, msg, sig, 32)).isTrue();
        assertThat(RsaPssSha256.verify(key, msg, sig, 20)).isFalse();
        sig[5] ^= 0x01;
        assertThat(RsaPssSha256.verify(key, msg, sig, 32)).isFalse();
    }
}
