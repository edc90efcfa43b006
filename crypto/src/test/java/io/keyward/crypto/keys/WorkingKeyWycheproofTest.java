package io.keyward.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.aead.AuthenticationFailedException;
import io.keyward.crypto.sig.EcdsaEncoding;
import io.keyward.crypto.sig.InvalidSignatureException;
import io.keyward.crypto.testing.Wycheproof;
import io.keyward.crypto.testing.Wycheproof.Case;
import io.keyward.crypto.testing.Wycheproof.Outcome;
import io.keyward.crypto.util.Bytes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The verify and decrypt paths of every family with a Wycheproof file, run through the
 * working-key API (key import by SPKI, raw bytes, PKCS#8 or the serialized form, then
 * {@code verify}/{@code decrypt}/{@code verifyMac}/{@code decapsulate}), so what the keystore
 * calls is what the vectors check. The per-primitive tests stay beside their wrappers.
 */
class WorkingKeyWycheproofTest {

    @Test
    void ed25519Verify() {
        Wycheproof.Tally tally = Wycheproof.load("ed25519_test.json")
                .run(c -> verify(PublicWorkingKey.fromSpki(KeyType.ED25519, c.groupBytes("publicKeyDer")), c, SignatureOptions.DEFAULT));
        assertThat(tally.passed()).isEqualTo(88);
    }

    @Test
    void ecdsaP256DerVerify() {
        Wycheproof.Tally tally = Wycheproof.load("ecdsa_secp256r1_sha256_test.json")
                .run(c -> verify(PublicWorkingKey.fromSpki(KeyType.ECDSA_P256, c.groupBytes("publicKeyDer")), c, SignatureOptions.DEFAULT));
        assertThat(tally.passed()).isEqualTo(174);
    }

    @Test
    void ecdsaP256P1363Verify() {
        SignatureOptions p1363 = SignatureOptions.DEFAULT.withEcdsaEncoding(EcdsaEncoding.IEEE_P1363);
        Wycheproof.Tally tally = Wycheproof.load("ecdsa_secp256r1_sha256_p1363_test.json")
                .run(c -> verify(PublicWorkingKey.fromSpki(KeyType.ECDSA_P256, c.groupBytes("publicKeyDer")), c, p1363));
        assertThat(tally.passed()).isEqualTo(173);
    }

    @Test
    void ecdsaSecp256k1Verify() {
        Wycheproof.Tally tally = Wycheproof.load("ecdsa_secp256k1_sha256_test.json")
                .run(c -> verify(PublicWorkingKey.fromSpki(KeyType.ECDSA_SECP256K1, c.groupBytes("publicKeyDer")), c, SignatureOptions.DEFAULT));
        assertThat(tally.passed()).isEqualTo(168);
    }

    @Test
    void rsaPssVerify() {
        SignatureOptions pss = SignatureOptions.DEFAULT.withRsaPadding(SignatureOptions.RsaPadding.PSS_SHA256);
        for (var file : new Object[][] {{"rsa_pss_2048_sha256_mgf1_32_test.json", KeyType.RSA_2048},
                {"rsa_pss_4096_sha256_mgf1_32_test.json", KeyType.RSA_4096}}) {
            Wycheproof.Tally tally = Wycheproof.load((String) file[0]).run(c -> {
                if (c.groupInteger("sLen") != 32) {
                    return Outcome.skipped("salt length other than 32");
                }
                return verify(PublicWorkingKey.fromSpki((KeyType) file[1], c.groupBytes("publicKeyDer")), c, pss);
            });
            assertThat(tally.passed()).as((String) file[0]).isPositive();
        }
    }

    @Test
    void mlDsa65Verify() {
        Wycheproof.Tally tally = Wycheproof.load("mldsa_65_verify_test.json").run(c -> {
            if (c.has("ctx") && c.bytes("ctx").length > 0) {
                return Outcome.skipped("non-empty context (JDK 25 has no public ML-DSA context API)");
            }
            return verify(PublicWorkingKey.fromRaw(KeyType.ML_DSA_65, c.groupBytes("publicKey")), c, SignatureOptions.DEFAULT);
        });
        assertThat(tally.skipped()).isEqualTo(7);
        assertThat(tally.passed()).isEqualTo(77);
    }

    @Test
    void aes256GcmDecrypt() {
        Wycheproof.Tally tally = Wycheproof.load("aes_gcm_test.json").run(c -> {
            if (c.groupInteger("keySize") != 256 || c.groupInteger("ivSize") != 96 || c.groupInteger("tagSize") != 128) {
                return Outcome.skipped("not AES-256 with a 96-bit nonce and 128-bit tag (the working-key type)");
            }
            return decrypt(WorkingKey.importRaw(KeyType.AES_256_GCM, c.bytes("key")), c);
        });
        assertThat(tally.passed()).isPositive();
    }

    @Test
    void chaCha20Poly1305Decrypt() {
        Wycheproof.Tally tally = Wycheproof.load("chacha20_poly1305_test.json").run(c -> {
            if (c.groupInteger("ivSize") != 96 || c.bytes("key").length != 32) {
                return Outcome.skipped("not a 96-bit nonce with a 256-bit key");
            }
            return decrypt(WorkingKey.importRaw(KeyType.CHACHA20_POLY1305, c.bytes("key")), c);
        });
        assertThat(tally.passed()).isPositive();
    }

    @Test
    void xChaCha20Poly1305Decrypt() {
        Wycheproof.Tally tally = Wycheproof.load("xchacha20_poly1305_test.json").run(c -> {
            if (c.groupInteger("ivSize") != 192 || c.bytes("key").length != 32) {
                return Outcome.skipped("not a 192-bit nonce with a 256-bit key");
            }
            return decrypt(WorkingKey.importRaw(KeyType.XCHACHA20_POLY1305, c.bytes("key")), c);
        });
        assertThat(tally.passed()).isPositive();
    }

    @Test
    void hmacSha256VerifyMac() {
        Wycheproof.Tally tally = Wycheproof.load("hmac_sha256_test.json").run(c -> {
            int keyLength = c.bytes("key").length;
            if (c.groupInteger("tagSize") != 256 || keyLength < 16 || keyLength > 64) {
                return Outcome.skipped("truncated tag or a key outside the 16..64 bytes working keys accept");
            }
            WorkingKey key = WorkingKey.importRaw(KeyType.HMAC_SHA256, c.bytes("key"));
            key.verifyMac(c.bytes("msg"), c.bytes("tag"));
            return Outcome.accepted();
        });
        assertThat(tally.passed()).isPositive();
    }

    @Test
    void rsaOaepDecrypt() {
        for (var file : new Object[][] {{"rsa_oaep_2048_sha256_mgf1sha256_test.json", KeyType.RSA_2048},
                {"rsa_oaep_4096_sha256_mgf1sha256_test.json", KeyType.RSA_4096}}) {
            Wycheproof w = Wycheproof.load((String) file[0]);
            java.util.Map<String, WorkingKey> keys = new java.util.HashMap<>();
            Wycheproof.Tally tally = w.run(c -> {
                WorkingKey key = keys.computeIfAbsent(c.group().path("privateKeyPkcs8").asText(),
                        der -> WorkingKey.importPkcs8((KeyType) file[1], c.groupBytes("privateKeyPkcs8")));
                return Outcome.expectEqual("msg", key.decrypt(c.bytes("ct"), c.bytes("label")), c.bytes("msg"));
            });
            assertThat(tally.passed()).as((String) file[0]).isPositive();
        }
    }

    @Test
    void mlKem768Decapsulate() {
        Wycheproof.Tally tally = Wycheproof.load("mlkem_768_test.json").run(c -> {
            byte[] seed = c.bytes("seed");
            WorkingKey key = WorkingKey.fromBytes(serializedMlKem(seed));
            Outcome decapsulated = Outcome.expectEqual("K", key.decapsulate(c.bytes("c")), c.bytes("K"));
            if (!c.has("ek")) {
                return decapsulated;
            }
            return Outcome.expectEqual("ek", key.publicKey().raw(), c.bytes("ek")).then(() -> decapsulated);
        });
        assertThat(tally.passed()).isPositive();
    }

    @Test
    void aFlippedBitIsRejectedOnEveryPath() {
        Case ed = Wycheproof.load("ed25519_test.json").firstValid();
        byte[] edSig = ed.bytes("sig");
        edSig[0] ^= 1;
        assertThatThrownBy(() -> PublicWorkingKey.fromSpki(KeyType.ED25519, ed.groupBytes("publicKeyDer")).verify(edSig, ed.bytes("msg")))
                .isInstanceOf(InvalidSignatureException.class);

        Case gcm = Wycheproof.load("aes_gcm_test.json").cases().stream()
                .filter(c -> c.groupInteger("keySize") == 256 && c.groupInteger("ivSize") == 96
                        && c.result() == Wycheproof.Expected.VALID).findFirst().orElseThrow();
        byte[] ct = Bytes.concat(gcm.bytes("iv"), gcm.bytes("ct"), gcm.bytes("tag"));
        ct[ct.length - 1] ^= 1;
        assertThatThrownBy(() -> WorkingKey.importRaw(KeyType.AES_256_GCM, gcm.bytes("key")).decrypt(ct, gcm.bytes("aad")))
                .isInstanceOf(AuthenticationFailedException.class);

        Case oaep = Wycheproof.load("rsa_oaep_2048_sha256_mgf1sha256_test.json").firstValid();
        byte[] rsaCt = oaep.bytes("ct");
        rsaCt[10] ^= 1;
        WorkingKey rsa = WorkingKey.importPkcs8(KeyType.RSA_2048, oaep.groupBytes("privateKeyPkcs8"));
        assertThatThrownBy(() -> rsa.decrypt(rsaCt, oaep.bytes("label"))).isInstanceOf(AuthenticationFailedException.class)
                .hasMessage("rsa-2048 ciphertext failed to authenticate");
    }

    static byte[] serializedMlKem(byte[] seed) {
        byte[] id = KeyType.ML_KEM_768.id().getBytes(StandardCharsets.US_ASCII);
        return Bytes.concat(new byte[] {1, (byte) id.length}, id, seed);
    }

    private static Outcome verify(PublicWorkingKey key, Case c, SignatureOptions options) {
        key.verify(c.bytes("sig"), c.bytes("msg"), options);
        return Outcome.accepted();
    }

    private static Outcome decrypt(WorkingKey key, Case c) {
        byte[] ciphertext = Bytes.concat(c.bytes("iv"), c.bytes("ct"), c.bytes("tag"));
        return Outcome.expectEqual("msg", key.decrypt(ciphertext, c.bytes("aad")), c.bytes("msg"));
    }

}
