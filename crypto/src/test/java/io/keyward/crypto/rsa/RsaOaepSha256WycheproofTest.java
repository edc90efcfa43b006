package io.keyward.crypto.rsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.pem.PemKeys;
import io.keyward.crypto.testing.Wycheproof;
import io.keyward.crypto.testing.Wycheproof.Group;
import io.keyward.crypto.testing.Wycheproof.Result;
import io.keyward.crypto.testing.Wycheproof.Suite;
import io.keyward.crypto.testing.Wycheproof.TestCase;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Wycheproof RSAES-OAEP (SHA-256, MGF1-SHA-256) decryption vectors through {@link RsaOaepSha256}. */
class RsaOaepSha256WycheproofTest {

    @ParameterizedTest
    @ValueSource(strings = {"rsa_oaep_2048_sha256_mgf1sha256_test.json", "rsa_oaep_4096_sha256_mgf1sha256_test.json"})
    void everyVectorHasTheExpectedOutcome(String file) {
        Suite suite = Wycheproof.load(file);
        assertThat(suite.schema()).isEqualTo("rsaes_oaep_decrypt_schema_v1.json");
        int valid = 0;
        int rejected = 0;
        for (Group group : suite.groups()) {
            assertThat(group.string("sha")).isEqualTo("SHA-256");
            assertThat(group.string("mgfSha")).isEqualTo("SHA-256");
            // The key goes through the project's own PEM reader, as an operator's key would.
            RSAPrivateCrtKey key = PemKeys.readRsaPrivateKey(group.string("privateKeyPem"), null);
            assertThat(key.getModulus().bitLength()).isEqualTo(group.integer("keySize"));
            for (TestCase test : group.tests()) {
                byte[] ct = test.hex("ct");
                byte[] label = test.hex("label");
                byte[] msg = test.hex("msg");
                if (test.result() == Result.VALID) {
                    assertThat(RsaOaepSha256.decrypt(key, ct, label)).as(test.describe()).isEqualTo(msg);
                    valid++;
                } else if (test.result() == Result.INVALID) {
                    assertThatThrownBy(() -> RsaOaepSha256.decrypt(key, ct, label)).as(test.describe())
                            .isInstanceOf(RsaDecryptionException.class)
                            .hasMessage("RSA-OAEP decryption failed: wrong key or corrupted ciphertext");
                    rejected++;
                } else {
                    try {
                        RsaOaepSha256.decrypt(key, ct, label);
                    } catch (RsaDecryptionException acceptable) {
                        // either outcome is allowed
                    }
                }
            }
        }
        assertThat(valid).isPositive();
        assertThat(rejected).isPositive();
        System.out.printf("Wycheproof %s: %d valid decrypted, %d invalid rejected, %d total%n",
                file, valid, rejected, suite.allTests().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa_oaep_2048_sha256_mgf1sha256_test.json", "rsa_oaep_4096_sha256_mgf1sha256_test.json"})
    void encryptionRoundTripsWithTheVectorKeyAndACorruptedVectorFails(String file) {
        Suite suite = Wycheproof.load(file);
        Group group = suite.groups().getFirst();
        RSAPrivateCrtKey key = PemKeys.readRsaPrivateKey(group.string("privateKeyPem"), null);
        RSAPublicKey pub = PemKeys.publicKeyOf(key);
        byte[] message = "thirty-two bytes of key material".getBytes();
        byte[] ct = RsaOaepSha256.encrypt(pub, message);
        assertThat(ct).hasSize(RsaOaepSha256.ciphertextLength(pub));
        assertThat(RsaOaepSha256.decrypt(key, ct)).isEqualTo(message);

        TestCase firstValid = group.tests().stream().filter(t -> t.result() == Result.VALID).findFirst().orElseThrow();
        byte[] corrupted = firstValid.hex("ct");
        corrupted[corrupted.length / 2] ^= 0x10;
        assertThatThrownBy(() -> RsaOaepSha256.decrypt(key, corrupted, firstValid.hex("label")))
                .isInstanceOf(RsaDecryptionException.class);
    }
}
