package io.keyward.crypto.sequester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.aead.SecretBox;
import io.keyward.crypto.pem.PemKeys;
import io.keyward.crypto.rsa.RsaPssSha256;
import io.keyward.crypto.rsa.UnsuitableKeyException;
import io.keyward.crypto.testing.OpenSsl;
import io.keyward.crypto.util.Bytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The armor with keys made by openssl, interoperating with openssl's RSA-OAEP and RSA-PSS, and every refusal. */
class SequesterArmorTest {
    private static final byte[] DATA = "realm keys bundle access: 0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static RSAPrivateCrtKey key2048;
    static RSAPublicKey pub2048;
    static RSAPrivateCrtKey key4096;
    static RSAPublicKey pub4096;
    static RSAPrivateCrtKey other2048;

    @BeforeAll
    static void makeKeys() throws IOException {
        OpenSsl.run(dir, "genrsa", "-out", "k2048.pem", "2048");
        OpenSsl.run(dir, "rsa", "-in", "k2048.pem", "-pubout", "-out", "k2048.pub");
        OpenSsl.run(dir, "genrsa", "-out", "k4096.pem", "4096");
        OpenSsl.run(dir, "rsa", "-in", "k4096.pem", "-pubout", "-out", "k4096.pub");
        OpenSsl.run(dir, "genrsa", "-out", "other.pem", "2048");
        key2048 = SequesterKeys.readPrivateKeyPem(Files.readString(dir.resolve("k2048.pem")), null);
        pub2048 = SequesterKeys.readPublicKeyPem(Files.readString(dir.resolve("k2048.pub")));
        key4096 = SequesterKeys.readPrivateKeyPem(Files.readString(dir.resolve("k4096.pem")), null);
        pub4096 = SequesterKeys.readPublicKeyPem(Files.readString(dir.resolve("k4096.pub")));
        other2048 = SequesterKeys.readPrivateKeyPem(Files.readString(dir.resolve("other.pem")), null);
    }

    @Test
    void roundTripsWithOpensslKeys() {
        for (var pair : new Object[][] {{key2048, pub2048, 256}, {key4096, pub4096, 512}}) {
            RSAPrivateCrtKey priv = (RSAPrivateCrtKey) pair[0];
            RSAPublicKey pub = (RSAPublicKey) pair[1];
            int keyBytes = (int) pair[2];
            byte[] encrypted = SequesterArmor.encrypt(pub, DATA);
            assertThat(encrypted).hasSize(36 + keyBytes + 24 + 16 + DATA.length);
            assertThat(SequesterArmor.decrypt(priv, encrypted)).isEqualTo(DATA);
            assertThat(SequesterArmor.encrypt(pub, DATA)).isNotEqualTo(encrypted);

            byte[] signed = SequesterArmor.sign(priv, DATA);
            assertThat(signed).hasSize(18 + keyBytes + DATA.length);
            assertThat(Arrays.copyOfRange(signed, 18 + keyBytes, signed.length)).isEqualTo(DATA);
            assertThat(SequesterArmor.verify(pub, signed)).isEqualTo(DATA);
        }
        assertThat(SequesterArmor.decrypt(key2048, SequesterArmor.encrypt(pub2048, new byte[0]))).isEmpty();
        assertThat(SequesterArmor.verify(pub2048, SequesterArmor.sign(key2048, new byte[0]))).isEmpty();
    }

    @Test
    void decryptsAKeyThatOpensslWrappedWithOaepSha256() throws IOException {
        byte[] secretKey = new byte[32];
        Arrays.fill(secretKey, (byte) 0x5a);
        Files.write(dir.resolve("secret.bin"), secretKey);
        // Parsec's OpenSSL backend: PKCS1_OAEP padding, OAEP digest SHA-256 (MGF1 follows it).
        OpenSsl.run(dir, "pkeyutl", "-encrypt", "-pubin", "-inkey", "k2048.pub", "-in", "secret.bin",
                "-out", "secret.oaep", "-pkeyopt", "rsa_padding_mode:oaep", "-pkeyopt", "rsa_oaep_md:sha256");
        byte[] wrapped = Files.readAllBytes(dir.resolve("secret.oaep"));
        byte[] nonce = new byte[24];
        byte[] armored = Bytes.concat("RSAES-OAEP-SHA256-XSALSA20-POLY1305:".getBytes(StandardCharsets.US_ASCII),
                wrapped, nonce, SecretBox.seal(secretKey, nonce, DATA));
        assertThat(SequesterArmor.decrypt(key2048, armored)).isEqualTo(DATA);
    }

    @Test
    void verifiesOpensslSignaturesWithEitherSaltLengthAndOpensslVerifiesOurs() throws IOException {
        Files.write(dir.resolve("data.bin"), DATA);
        for (String saltLength : new String[] {"max", "digest"}) {
            Path sig = dir.resolve("sig-" + saltLength);
            OpenSsl.run(dir, "dgst", "-sha256", "-sign", "k2048.pem", "-sigopt", "rsa_padding_mode:pss",
                    "-sigopt", "rsa_pss_saltlen:" + saltLength, "-out", sig.getFileName().toString(), "data.bin");
            byte[] armored = Bytes.concat("RSASSA-PSS-SHA256:".getBytes(StandardCharsets.US_ASCII),
                    Files.readAllBytes(sig), DATA);
            assertThat(SequesterArmor.verify(pub2048, armored)).as(saltLength).isEqualTo(DATA);
        }
        byte[] ours = SequesterArmor.sign(key2048, DATA);
        Files.write(dir.resolve("ours.sig"), Arrays.copyOfRange(ours, 18, 18 + 256));
        // Ours uses the maximum salt, which OpenSSL's auto-detection and its "max" both accept.
        String verified = OpenSsl.run(dir, "dgst", "-sha256", "-verify", "k2048.pub", "-sigopt", "rsa_padding_mode:pss",
                "-sigopt", "rsa_pss_saltlen:max", "-signature", "ours.sig", "data.bin");
        assertThat(verified.strip()).isEqualTo("Verified OK");
    }

    @Test
    void aSignatureWithAnotherSaltLengthIsRejected() {
        byte[] signature = RsaPssSha256.sign(key2048, DATA, 20);
        byte[] armored = Bytes.concat("RSASSA-PSS-SHA256:".getBytes(StandardCharsets.US_ASCII), signature, DATA);
        assertThatThrownBy(() -> SequesterArmor.verify(pub2048, armored)).isInstanceOf(SequesterSignatureException.class);
    }

    @Test
    void theWrongKeyIsRefused() {
        byte[] encrypted = SequesterArmor.encrypt(pub2048, DATA);
        assertThatThrownBy(() -> SequesterArmor.decrypt(other2048, encrypted))
                .isInstanceOf(SequesterDecryptionException.class)
                .hasMessage("cannot decrypt sequester data: wrong key or tampered ciphertext");
        byte[] signed = SequesterArmor.sign(other2048, DATA);
        assertThatThrownBy(() -> SequesterArmor.verify(pub2048, signed))
                .isInstanceOf(SequesterSignatureException.class)
                .hasMessage("sequester signature does not verify: wrong key or tampered data");
        // A 4096-bit key reads a 2048-bit armor as truncated, never as something else.
        assertThatThrownBy(() -> SequesterArmor.decrypt(key4096, encrypted)).isInstanceOf(SequesterArmorException.class);
    }

    @Test
    void everyTamperedRegionIsRefused() {
        byte[] encrypted = SequesterArmor.encrypt(pub2048, DATA);
        // RSA part, nonce, MAC, ciphertext: first and last byte of each.
        int[] positions = {36, 36 + 255, 36 + 256, 36 + 256 + 23, 36 + 280, 36 + 295, 36 + 296, encrypted.length - 1};
        for (int position : positions) {
            byte[] tampered = encrypted.clone();
            tampered[position] ^= 0x01;
            assertThatThrownBy(() -> SequesterArmor.decrypt(key2048, tampered)).as("byte " + position)
                    .isInstanceOf(SequesterDecryptionException.class);
        }
        byte[] signed = SequesterArmor.sign(key2048, DATA);
        for (int position : new int[] {18, 18 + 128, 18 + 255, 18 + 256, signed.length - 1}) {
            byte[] tampered = signed.clone();
            tampered[position] ^= 0x01;
            assertThatThrownBy(() -> SequesterArmor.verify(pub2048, tampered)).as("byte " + position)
                    .isInstanceOf(SequesterSignatureException.class);
        }
        byte[] extended = Bytes.concat(signed, new byte[] {0});
        assertThatThrownBy(() -> SequesterArmor.verify(pub2048, extended)).isInstanceOf(SequesterSignatureException.class);
    }

    @Test
    void wrongPrefixesAreRefused() {
        byte[] encrypted = SequesterArmor.encrypt(pub2048, DATA);
        byte[] signed = SequesterArmor.sign(key2048, DATA);
        assertThatThrownBy(() -> SequesterArmor.verify(pub2048, encrypted))
                .isInstanceOf(WrongArmorAlgorithmException.class)
                .hasMessage("expected RSASSA-PSS-SHA256 armor, found \"RSAES-OAEP-SHA256-XSALSA20-POLY1305\"");
        assertThatThrownBy(() -> SequesterArmor.decrypt(key2048, signed))
                .isInstanceOf(WrongArmorAlgorithmException.class)
                .hasMessage("expected RSAES-OAEP-SHA256-XSALSA20-POLY1305 armor, found \"RSASSA-PSS-SHA256\"");
        // Parsec's earlier SHA-1 format is a different algorithm name and is refused as such.
        byte[] legacy = Bytes.concat("RSAES-OAEP-XSALSA20-POLY1305".getBytes(StandardCharsets.US_ASCII),
                Arrays.copyOfRange(encrypted, 35, encrypted.length));
        assertThatThrownBy(() -> SequesterArmor.decrypt(key2048, legacy)).isInstanceOf(WrongArmorAlgorithmException.class);
        assertThatThrownBy(() -> SequesterArmor.verify(pub2048, ":".getBytes()))
                .isInstanceOf(WrongArmorAlgorithmException.class).hasMessageEndingWith("found \"\"");
        byte[] binaryPrefix = {(byte) 0xff, '\n', 'A', ':', 1, 2};
        assertThatThrownBy(() -> SequesterArmor.verify(pub2048, binaryPrefix))
                .isInstanceOf(WrongArmorAlgorithmException.class).hasMessageEndingWith("found \"??A\"")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void truncatedInputIsRefused() {
        byte[] encrypted = SequesterArmor.encrypt(pub2048, DATA);
        byte[] signed = SequesterArmor.sign(key2048, DATA);
        assertThatThrownBy(() -> SequesterArmor.decrypt(key2048, new byte[0]))
                .isInstanceOf(MalformedArmorException.class).hasMessage("not sequester armor: no \"ALGORITHM:\" prefix");
        assertThatThrownBy(() -> SequesterArmor.verify(pub2048, "RSASSA-PSS-SHA256".getBytes()))
                .isInstanceOf(MalformedArmorException.class);
        assertThatThrownBy(() -> SequesterArmor.verify(pub2048, "RSASSA-PSS-SHA256:".getBytes()))
                .isInstanceOf(MalformedArmorException.class)
                .hasMessage("sequester armor is truncated: 0 bytes after the prefix, the 2048-bit RSA part alone needs 256");
        assertThatThrownBy(() -> SequesterArmor.verify(pub2048, Arrays.copyOf(signed, 18 + 255)))
                .isInstanceOf(MalformedArmorException.class);
        assertThatThrownBy(() -> SequesterArmor.decrypt(key2048, Arrays.copyOf(encrypted, 36 + 100)))
                .isInstanceOf(MalformedArmorException.class);
        assertThatThrownBy(() -> SequesterArmor.decrypt(key2048, Arrays.copyOf(encrypted, 36 + 256 + 39)))
                .isInstanceOf(MalformedArmorException.class)
                .hasMessage("sequester ciphertext is truncated: 39 bytes after the RSA part, at least 40 needed");
        assertThatThrownBy(() -> SequesterArmor.decrypt(key2048, Arrays.copyOf(encrypted, encrypted.length - 1)))
                .isInstanceOf(SequesterDecryptionException.class);
    }

    @Test
    void keysBelowParsecsMinimumAreRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(768);
        var pair = generator.generateKeyPair();
        assertThatThrownBy(() -> SequesterArmor.encrypt((RSAPublicKey) pair.getPublic(), DATA))
                .isInstanceOf(UnsuitableKeyException.class)
                .hasMessage("sequester armor needs an RSA key of at least 1024 bits, got 768");
        assertThat(PemKeys.publicKeyOf(key2048)).isEqualTo(pub2048);
    }
}
