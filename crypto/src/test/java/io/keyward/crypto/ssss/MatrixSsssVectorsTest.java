package io.keyward.crypto.ssss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.crypto.aead.AuthenticationFailedException;
import io.keyward.crypto.testing.Vectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Matrix secret-storage vectors in shared/vectors/matrix-ssss.json (see that file's "source"). */
class MatrixSsssVectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static JsonNode vectors;

    @BeforeAll
    static void load() throws IOException {
        vectors = new ObjectMapper().readTree(Vectors.file("matrix-ssss.json").toFile());
    }

    @Test
    void passphraseDerivesTheKeyAndPassesItsKeyCheck() {
        JsonNode v = vectors.get("passphrase_key_check");
        JsonNode info = v.get("passphrase_info");
        PassphraseInfo passphrase = new PassphraseInfo(info.get("algorithm").asText(), info.get("salt").asText(),
                info.get("iterations").asInt(), info.get("bits").asInt());

        SecretStorageKey key = SecretStorageKey.fromPassphrase(v.get("passphrase").asText().toCharArray(), passphrase);

        assertThat(HEX.formatHex(key.bytes())).isEqualTo(v.get("derived_key_hex").asText());
        KeyCheck check = keyCheck(v.get("key_check"));
        assertThat(AesHmacSha2.verifyKeyCheck(key, check)).isTrue();
        assertThat(AesHmacSha2.keyCheck(key, check.iv())).isEqualTo(check);
        SecretStorageKey wrong = SecretStorageKey.fromPassphrase("It's a secret to everybody!".toCharArray(), passphrase);
        assertThat(AesHmacSha2.verifyKeyCheck(wrong, check)).isFalse();
    }

    @Test
    void recoveryKeyDecodesAndPassesItsKeyCheck() {
        JsonNode v = vectors.get("recovery_key_key_check");
        SecretStorageKey key = SecretStorageKey.fromRecoveryKey(v.get("recovery_key").asText());

        assertThat(HEX.formatHex(key.bytes())).isEqualTo(v.get("key_hex").asText());
        assertThat(key.toRecoveryKey()).isEqualTo(v.get("recovery_key").asText());
        KeyCheck check = keyCheck(v.get("key_check"));
        assertThat(new KeyDescription(AesHmacSha2.ALGORITHM, null, check.iv(), check.mac(), null).matches(key)).isTrue();
        // the padded vector check re-encodes to the same padded text
        assertThat(AesHmacSha2.keyCheck(key, check.iv()).macBase64()).isEqualTo(v.get("key_check").get("mac").asText());
    }

    @Test
    void recoveryKeyParsing() {
        JsonNode v = vectors.get("recovery_key_parsing");
        String valid = v.get("valid").get("input").asText();
        String keyHex = v.get("valid").get("key_hex").asText();

        assertThat(HEX.formatHex(RecoveryKey.decode(valid))).isEqualTo(keyHex);
        // whitespace anywhere is ignored
        assertThat(HEX.formatHex(RecoveryKey.decode(" " + valid.substring(0, 5) + "\t" + valid.substring(5, 20)
                + "\n  " + valid.substring(20) + "\r\n"))).isEqualTo(keyHex);
        assertThat(RecoveryKey.encode(HEX.parseHex(keyHex)).replace(" ", "")).isEqualTo(valid);

        assertThatThrownBy(() -> RecoveryKey.decode(v.get("bad_parity").asText()))
                .isInstanceOf(InvalidRecoveryKeyException.class)
                .hasMessage("recovery key has a wrong parity byte (mistyped?)");
    }

    @Test
    void wrongPrefixIsRejectedWithItsOwnError() {
        byte[] raw = new byte[35];
        raw[0] = (byte) 0x8B;
        raw[1] = 0x02;
        raw[34] = (byte) (0x8B ^ 0x02);
        String otherPrefix = Base58.encode(raw);
        assertThatThrownBy(() -> RecoveryKey.decode(otherPrefix)).isInstanceOf(InvalidRecoveryKeyException.class)
                .hasMessage("recovery key has the wrong prefix (not a Matrix recovery key)");
    }

    @Test
    void encryptsWithAFixedIvExactlyAsMatrixJsSdk() {
        JsonNode v = vectors.get("encrypt_fixed_iv");
        SecretStorageKey key = SecretStorageKey.of(HEX.parseHex(v.get("key_hex").asText()));
        String name = v.get("name").asText();
        byte[] plaintext = v.get("plaintext").asText().getBytes(StandardCharsets.UTF_8);
        JsonNode encrypted = v.get("encrypted");

        assertThat(key.toRecoveryKey()).isEqualTo(v.get("recovery_key").asText());
        byte[][] keys = AesHmacSha2.deriveKeys(key, name);
        assertThat(HEX.formatHex(keys[0])).isEqualTo(v.get("hkdf_aes_key_hex").asText());
        assertThat(HEX.formatHex(keys[1])).isEqualTo(v.get("hkdf_mac_key_hex").asText());

        SsssItem item = AesHmacSha2.encrypt(key, name, plaintext, Base64.getDecoder().decode(encrypted.get("iv").asText()));
        assertThat(item.ivBase64()).isEqualTo(encrypted.get("iv").asText());
        assertThat(item.ciphertextBase64()).isEqualTo(encrypted.get("ciphertext").asText());
        assertThat(item.macBase64()).isEqualTo(encrypted.get("mac").asText());

        assertThat(AesHmacSha2.keyCheck(key, item.iv()).macBase64()).isEqualTo(v.get("key_check_same_iv_mac").asText());
    }

    @Test
    void decryptsTheVectorItemPaddedAndUnpadded() {
        JsonNode v = vectors.get("encrypt_fixed_iv");
        SecretStorageKey key = SecretStorageKey.of(HEX.parseHex(v.get("key_hex").asText()));
        JsonNode e = v.get("encrypted");
        String plaintext = v.get("plaintext").asText();

        SsssItem padded = SsssItem.fromBase64(e.get("iv").asText(), e.get("ciphertext").asText(), e.get("mac").asText());
        SsssItem unpadded = SsssItem.fromBase64(strip(e.get("iv").asText()), strip(e.get("ciphertext").asText()),
                strip(e.get("mac").asText()));

        assertThat(unpadded).isEqualTo(padded);
        assertThat(new String(AesHmacSha2.decrypt(key, v.get("name").asText(), padded), StandardCharsets.UTF_8)).isEqualTo(plaintext);
        assertThat(new String(AesHmacSha2.decrypt(key, v.get("name").asText(), unpadded), StandardCharsets.UTF_8)).isEqualTo(plaintext);
    }

    @Test
    void rejectsAnotherNameATamperedMacAndATamperedCiphertext() {
        JsonNode v = vectors.get("encrypt_fixed_iv");
        SecretStorageKey key = SecretStorageKey.of(HEX.parseHex(v.get("key_hex").asText()));
        String name = v.get("name").asText();
        JsonNode e = v.get("encrypted");
        SsssItem item = SsssItem.fromBase64(e.get("iv").asText(), e.get("ciphertext").asText(), e.get("mac").asText());

        assertThatThrownBy(() -> AesHmacSha2.decrypt(key, "m.cross_signing.self_signing", item))
                .isInstanceOf(AuthenticationFailedException.class);

        byte[] mac = item.mac();
        mac[31] ^= 0x01;
        SsssItem tamperedMac = new SsssItem(item.iv(), item.ciphertext(), mac);
        assertThatThrownBy(() -> AesHmacSha2.decrypt(key, name, tamperedMac))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessage("secret storage item failed to authenticate");

        byte[] ciphertext = item.ciphertext();
        ciphertext[0] ^= 0x20;
        SsssItem tamperedCiphertext = new SsssItem(item.iv(), ciphertext, item.mac());
        assertThatThrownBy(() -> AesHmacSha2.decrypt(key, name, tamperedCiphertext))
                .isInstanceOf(AuthenticationFailedException.class);

        SecretStorageKey otherKey = SecretStorageKey.fromRecoveryKey(vectors.get("recovery_key_key_check").get("recovery_key").asText());
        assertThatThrownBy(() -> AesHmacSha2.decrypt(otherKey, name, item)).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void aCorruptedKeyCheckVectorDoesNotVerify() {
        JsonNode v = vectors.get("recovery_key_key_check");
        SecretStorageKey key = SecretStorageKey.fromRecoveryKey(v.get("recovery_key").asText());
        byte[] mac = keyCheck(v.get("key_check")).mac();
        mac[0] ^= (byte) 0x80;
        assertThat(AesHmacSha2.verifyKeyCheck(key, new KeyCheck(keyCheck(v.get("key_check")).iv(), mac))).isFalse();
    }

    private static KeyCheck keyCheck(JsonNode node) {
        return KeyCheck.fromBase64(node.get("iv").asText(), node.get("mac").asText());
    }

    private static String strip(String base64) {
        return base64.replace("=", "");
    }
}
