package io.keyward.crypto.ssss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.aead.AuthenticationFailedException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SecretStorageTest {
    @Test
    void roundTripsWithARandomIvWhoseBit63IsClear() {
        SecretStorageKey key = SecretStorageKey.generate();
        for (int length : new int[] {0, 1, 15, 16, 17, 1024}) {
            byte[] plaintext = new byte[length];
            new java.util.Random(length).nextBytes(plaintext);
            SsssItem item = AesHmacSha2.encrypt(key, "m.megolm_backup.v1", plaintext);
            assertThat(item.iv()[8] & 0x80).isZero();
            assertThat(item.ciphertext()).hasSize(length);
            assertThat(AesHmacSha2.decrypt(key, "m.megolm_backup.v1", item)).isEqualTo(plaintext);
        }
        for (int i = 0; i < 200; i++) {
            assertThat(AesHmacSha2.randomIv()[8] & 0x80).isZero();
        }
    }

    @Test
    void keyDescriptionMatchesOnlyItsKey() {
        SecretStorageKey key = SecretStorageKey.generate();
        KeyDescription description = KeyDescription.of("backup key", key, null);
        assertThat(description.matches(key)).isTrue();
        assertThat(description.matches(SecretStorageKey.generate())).isFalse();
        assertThat(description.passphrase()).isNull();
        assertThat(KeyDescription.of("k", key, PassphraseInfo.pbkdf2("salt", 10)).passphrase().iterations()).isEqualTo(10);
        assertThat(description.iv()[8] & 0x80).isZero();
    }

    @Test
    void recoveryKeyRoundTripsInGroupsOfFour() {
        for (int i = 0; i < 50; i++) {
            SecretStorageKey key = SecretStorageKey.generate();
            String recoveryKey = key.toRecoveryKey();
            assertThat(recoveryKey).matches("([1-9A-HJ-NP-Za-km-z]{4} )*[1-9A-HJ-NP-Za-km-z]{1,4}");
            assertThat(RecoveryKey.decode(recoveryKey)).isEqualTo(key.bytes());
        }
        byte[] zeros = new byte[32];
        assertThat(RecoveryKey.decode(RecoveryKey.encode(zeros))).isEqualTo(zeros);
    }

    @Test
    void recoveryKeyErrorsSayWhatWasWrongWithoutEchoingTheKey() {
        String valid = SecretStorageKey.generate().toRecoveryKey();
        assertThatThrownBy(() -> RecoveryKey.decode("EsT0" + valid.substring(4)))
                .isInstanceOf(InvalidRecoveryKeyException.class)
                .hasMessage("recovery key has a character that is not base58 at position 4");
        assertThatThrownBy(() -> RecoveryKey.decode(valid.substring(0, valid.length() - 3)))
                .isInstanceOf(InvalidRecoveryKeyException.class)
                .hasMessageStartingWith("recovery key has the wrong length (decodes to ");
        assertThatThrownBy(() -> RecoveryKey.decode(valid + "z"))
                .isInstanceOf(InvalidRecoveryKeyException.class).hasMessageContaining("wrong length");
        assertThatThrownBy(() -> RecoveryKey.decode("   ")).isInstanceOf(InvalidRecoveryKeyException.class)
                .hasMessage("recovery key is empty");
        assertThatThrownBy(() -> RecoveryKey.encode(new byte[31])).isInstanceOf(SsssException.class);
    }

    @Test
    void base58KnownAnswers() {
        // Bitcoin's base58 test vectors (bitcoin/bitcoin src/test/data/base58_encode_decode.json)
        HexFormat hex = HexFormat.of();
        assertThat(Base58.encode(hex.parseHex("61"))).isEqualTo("2g");
        assertThat(Base58.encode(hex.parseHex("626262"))).isEqualTo("a3gV");
        assertThat(Base58.encode(hex.parseHex("00000000000000000000"))).isEqualTo("1111111111");
        assertThat(Base58.encode(hex.parseHex("00eb15231dfceb60925886b67d065299925915aeb172c06647")))
                .isEqualTo("1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L");
        assertThat(Base58.encode(new byte[0])).isEmpty();
        String text = "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L";
        int[] digits = text.chars().map(c -> Base58.digit((char) c)).toArray();
        assertThat(hex.formatHex(Base58.decode(digits))).isEqualTo("00eb15231dfceb60925886b67d065299925915aeb172c06647");
    }

    @Test
    void passphraseParametersAreChecked() {
        assertThatThrownBy(() -> new PassphraseInfo("m.argon2", "salt", 10, 256)).isInstanceOf(SsssException.class)
                .hasMessage("unsupported passphrase algorithm (expected m.pbkdf2)");
        assertThatThrownBy(() -> PassphraseInfo.pbkdf2("salt", 0)).isInstanceOf(SsssException.class);
        assertThatThrownBy(() -> PassphraseInfo.pbkdf2("salt", Integer.MAX_VALUE)).isInstanceOf(SsssException.class);
        assertThatThrownBy(() -> new PassphraseInfo("m.pbkdf2", "salt", 10, 128)).isInstanceOf(SsssException.class)
                .hasMessage("passphrase bits must be 256, got 128");
        assertThatThrownBy(() -> PassphraseInfo.pbkdf2("salt", 10).deriveKey(new char[0])).isInstanceOf(SsssException.class)
                .hasMessage("passphrase is empty");
        PassphraseInfo generated = PassphraseInfo.generate(1000);
        assertThat(generated.salt()).hasSize(32).isAlphanumeric();
        assertThat(generated.bits()).isEqualTo(256);
    }

    @Test
    void malformedItemsAreRefusedWithTypedErrors() {
        assertThatThrownBy(() -> SsssItem.fromBase64("!!!", "AAAA", "AAAA")).isInstanceOf(SsssException.class)
                .hasMessage("iv is not valid base64");
        assertThatThrownBy(() -> SsssItem.fromBase64("AAAA", "AAAA", "AAAA")).isInstanceOf(SsssException.class)
                .hasMessage("iv must be 16 bytes, got 3");
        assertThatThrownBy(() -> SsssItem.fromBase64("AAAAAAAAAAAAAAAAAAAAAA", "AAAA", "AAAA")).isInstanceOf(SsssException.class)
                .hasMessage("mac must be 32 bytes, got 3");
        assertThatThrownBy(() -> SecretStorageKey.of(new byte[16])).isInstanceOf(SsssException.class)
                .hasMessage("a secret-storage key is 32 bytes, got 16");
    }

    @Test
    void keysNeverShowTheirBytes() {
        SecretStorageKey key = SecretStorageKey.of(new byte[] {
            0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48,
            0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48});
        assertThat(key.toString()).isEqualTo("SecretStorageKey[32 bytes, hidden]").doesNotContain("ABCD", "4142");
        key.close();
        assertThatThrownBy(key::bytes).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void wrongKeyIsAMacMismatch() {
        SsssItem item = AesHmacSha2.encrypt(SecretStorageKey.generate(), "name", "secret".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> AesHmacSha2.decrypt(SecretStorageKey.generate(), "name", item))
                .isInstanceOf(AuthenticationFailedException.class);
    }
}
