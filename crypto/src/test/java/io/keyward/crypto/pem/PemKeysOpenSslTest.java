package io.keyward.crypto.pem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.rsa.UnsuitableKeyException;
import io.keyward.crypto.sequester.SequesterKeys;
import io.keyward.crypto.testing.OpenSsl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every PEM form OpenSSL 3 writes, made by the real openssl command at test time. */
class PemKeysOpenSslTest {
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    static Path dir;

    @BeforeAll
    static void makeKeys() {
        OpenSsl.binary();
        // 2048: plain PKCS#8 (OpenSSL 3's default), then the other forms of the same key.
        OpenSsl.run(dir, "genrsa", "-out", "rsa2048.pem", "2048");
        OpenSsl.run(dir, "rsa", "-in", "rsa2048.pem", "-traditional", "-out", "rsa2048.pkcs1.pem");
        OpenSsl.run(dir, "rsa", "-in", "rsa2048.pem", "-pubout", "-out", "rsa2048.pub");
        OpenSsl.run(dir, "rsa", "-in", "rsa2048.pem", "-RSAPublicKey_out", "-out", "rsa2048.pkcs1.pub");
        OpenSsl.run(dir, "rsa", "-in", "rsa2048.pem", "-pubout", "-outform", "DER", "-out", "rsa2048.pub.der");
        // Encrypted, as the operator workflow makes them: OpenSSL 3 PKCS#8 and the legacy form.
        OpenSsl.run(dir, "genrsa", "-aes256", "-passout", "pass:" + PASSPHRASE, "-out", "enc-pkcs8.pem", "2048");
        OpenSsl.run(dir, "genrsa", "-aes256", "-traditional", "-passout", "pass:" + PASSPHRASE,
                "-out", "enc-legacy.pem", "2048");
        OpenSsl.run(dir, "rsa", "-in", "enc-pkcs8.pem", "-passin", "pass:" + PASSPHRASE, "-pubout", "-out", "enc-pkcs8.pub");
        // One 4096-bit key per class: it takes a moment.
        OpenSsl.run(dir, "genrsa", "-aes256", "-passout", "pass:" + PASSPHRASE, "-out", "rsa4096.pem", "4096");
        OpenSsl.run(dir, "rsa", "-in", "rsa4096.pem", "-passin", "pass:" + PASSPHRASE, "-pubout", "-out", "rsa4096.pub");
        OpenSsl.run(dir, "rsa", "-in", "rsa4096.pem", "-passin", "pass:" + PASSPHRASE, "-pubout", "-outform", "DER",
                "-out", "rsa4096.pub.der");
        // Keys that must be refused as sequester keys.
        OpenSsl.run(dir, "genrsa", "-out", "rsa1024.pem", "1024");
        OpenSsl.run(dir, "rsa", "-in", "rsa1024.pem", "-pubout", "-out", "rsa1024.pub");
        OpenSsl.run(dir, "ecparam", "-name", "prime256v1", "-genkey", "-out", "ec-with-params.pem");
        OpenSsl.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec-pkcs8.pem");
        OpenSsl.run(dir, "ec", "-in", "ec-pkcs8.pem", "-pubout", "-out", "ec.pub");
        OpenSsl.run(dir, "genpkey", "-algorithm", "ed25519", "-out", "ed25519.pem");
    }

    private static String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.US_ASCII);
    }

    @Test
    void theFilesAreTheFormsWeMeanToTest() throws IOException {
        assertThat(read("rsa2048.pem")).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(read("rsa2048.pkcs1.pem")).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(read("rsa2048.pub")).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(read("rsa2048.pkcs1.pub")).startsWith("-----BEGIN RSA PUBLIC KEY-----");
        assertThat(read("enc-pkcs8.pem")).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(read("enc-legacy.pem")).startsWith("-----BEGIN RSA PRIVATE KEY-----")
                .contains("Proc-Type: 4,ENCRYPTED").contains("DEK-Info: AES-256-CBC");
        assertThat(read("ec-with-params.pem")).startsWith("-----BEGIN EC PARAMETERS-----");
    }

    @Test
    void everyPlainFormOfOneKeyReadsToTheSameKey() throws IOException {
        RSAPrivateCrtKey pkcs8 = PemKeys.readRsaPrivateKey(read("rsa2048.pem"), null);
        RSAPrivateCrtKey pkcs1 = PemKeys.readRsaPrivateKey(read("rsa2048.pkcs1.pem"), null);
        RSAPublicKey spki = PemKeys.readRsaPublicKey(read("rsa2048.pub"));
        RSAPublicKey pkcs1Public = PemKeys.readRsaPublicKey(read("rsa2048.pkcs1.pub"));

        assertThat(pkcs8.getModulus().bitLength()).isEqualTo(2048);
        assertThat(pkcs1.getModulus()).isEqualTo(pkcs8.getModulus());
        assertThat(pkcs1.getPrivateExponent()).isEqualTo(pkcs8.getPrivateExponent());
        assertThat(pkcs1.getPrimeP()).isEqualTo(pkcs8.getPrimeP());
        assertThat(spki.getModulus()).isEqualTo(pkcs8.getModulus());
        assertThat(pkcs1Public).isEqualTo(spki);
        assertThat(PemKeys.publicKeyOf(pkcs8)).isEqualTo(spki);
        assertThat(PemKeys.isEncryptedPrivateKey(read("rsa2048.pem"))).isFalse();
    }

    @Test
    void publicKeysAreWrittenExactlyAsOpensslWritesThem() throws IOException {
        for (String name : new String[] {"rsa2048", "rsa4096"}) {
            RSAPublicKey key = PemKeys.readRsaPublicKey(read(name + ".pub"));
            assertThat(PemKeys.publicKeyPem(key)).isEqualTo(read(name + ".pub"));
            assertThat(PemKeys.publicKeyDer(key)).isEqualTo(Files.readAllBytes(dir.resolve(name + ".pub.der")));
            assertThat(PemKeys.readRsaPublicKeyDer(PemKeys.publicKeyDer(key))).isEqualTo(key);
        }
        // A PKCS#1 public key is written back as SPKI, like `openssl rsa -RSAPublicKey_in -pubout`.
        RSAPublicKey fromPkcs1 = PemKeys.readRsaPublicKey(read("rsa2048.pkcs1.pub"));
        assertThat(PemKeys.publicKeyPem(fromPkcs1)).isEqualTo(read("rsa2048.pub"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"enc-pkcs8", "enc-legacy"})
    void encryptedKeysOpenWithThePassphraseAndTheArrayIsCleared(String name) throws IOException {
        String pem = read(name + ".pem");
        assertThat(PemKeys.isEncryptedPrivateKey(pem)).isTrue();
        char[] passphrase = PASSPHRASE.toCharArray();
        RSAPrivateCrtKey key = PemKeys.readRsaPrivateKey(pem, passphrase);
        assertThat(key.getModulus().bitLength()).isEqualTo(2048);
        assertThat(passphrase).containsOnly('\0');
        if (name.equals("enc-pkcs8")) {
            assertThat(PemKeys.publicKeyOf(key)).isEqualTo(PemKeys.readRsaPublicKey(read("enc-pkcs8.pub")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"enc-pkcs8", "enc-legacy", "rsa4096"})
    void aWrongPassphraseIsAClearError(String name) throws IOException {
        String pem = read(name + ".pem");
        char[] wrong = "correct horse battery stapler".toCharArray();
        assertThatThrownBy(() -> PemKeys.readRsaPrivateKey(pem, wrong))
                .isInstanceOf(WrongPassphraseException.class)
                .hasMessage("wrong passphrase for private key");
        assertThat(wrong).containsOnly('\0');
        for (String other : new String[] {"", "a", "correct horse battery stapl"}) {
            assertThatThrownBy(() -> PemKeys.readRsaPrivateKey(pem, other.toCharArray()))
                    .isInstanceOf(WrongPassphraseException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"enc-pkcs8", "enc-legacy"})
    void aMissingPassphraseSaysOneIsNeeded(String name) throws IOException {
        String pem = read(name + ".pem");
        assertThatThrownBy(() -> PemKeys.readRsaPrivateKey(pem, null))
                .isInstanceOf(PassphraseRequiredException.class)
                .hasMessage("the private key is encrypted: a passphrase is needed");
    }

    @Test
    void the4096BitKeyIsASequesterKey() throws IOException {
        RSAPrivateCrtKey key = SequesterKeys.readPrivateKeyPem(read("rsa4096.pem"), PASSPHRASE.toCharArray());
        assertThat(key.getModulus().bitLength()).isEqualTo(4096);
        RSAPublicKey pub = SequesterKeys.readPublicKeyPem(read("rsa4096.pub"));
        assertThat(pub.getModulus()).isEqualTo(key.getModulus());
        assertThat(SequesterKeys.readPublicKeyDer(Files.readAllBytes(dir.resolve("rsa4096.pub.der")))).isEqualTo(pub);
    }

    @Test
    void shortAndNonRsaKeysAreRefusedAsSequesterKeys() throws IOException {
        assertThatThrownBy(() -> SequesterKeys.readPublicKeyPem(read("rsa1024.pub")))
                .isInstanceOf(UnsuitableKeyException.class)
                .hasMessage("a sequester key must have at least 2048 bits, this one has 1024");
        assertThatThrownBy(() -> SequesterKeys.readPrivateKeyPem(read("rsa1024.pem"), null))
                .isInstanceOf(UnsuitableKeyException.class).hasMessageContaining("at least 2048 bits");
        assertThatThrownBy(() -> SequesterKeys.readPublicKeyPem(read("ec.pub")))
                .isInstanceOf(UnsuitableKeyException.class).hasMessage("expected an RSA public key, found EC");
        assertThatThrownBy(() -> SequesterKeys.readPrivateKeyPem(read("ec-pkcs8.pem"), null))
                .isInstanceOf(UnsuitableKeyException.class).hasMessage("expected an RSA private key, found EC");
        assertThatThrownBy(() -> SequesterKeys.readPrivateKeyPem(read("ec-with-params.pem"), null))
                .isInstanceOf(UnsuitableKeyException.class).hasMessage("expected an RSA private key, found EC");
        assertThatThrownBy(() -> SequesterKeys.readPrivateKeyPem(read("ed25519.pem"), null))
                .isInstanceOf(UnsuitableKeyException.class).hasMessageStartingWith("expected an RSA private key, found Ed");
        // Non-RSA keys are still readable as keys when RSA is not asked for.
        PrivateKey ec = PemKeys.readPrivateKey(read("ec-with-params.pem"), null);
        assertThat(ec.getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void garbageIsRefusedWithOneLine() throws IOException {
        String pub = read("rsa2048.pub");
        String brokenBase64 = pub.replace(pub.substring(40, 60), "!!!!####$$$$%%%%^^^^");
        String truncated = pub.substring(0, pub.length() / 2);
        String missingEnd = pub.replace("-----END PUBLIC KEY-----", "");
        String badDer = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n";
        for (String garbage : new String[] {"", "   ", "hello world", brokenBase64, truncated, missingEnd, badDer}) {
            assertThatThrownBy(() -> PemKeys.readRsaPublicKey(garbage)).as(garbage)
                    .isInstanceOf(PemException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").isNotBlank());
            assertThatThrownBy(() -> PemKeys.readRsaPrivateKey(garbage, null)).isInstanceOf(PemException.class);
        }
        assertThatThrownBy(() -> PemKeys.readRsaPublicKeyDer(new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}))
                .isInstanceOf(PemException.class);
    }

    @Test
    void aPrivateKeyIsNotAPublicKeyAndViceVersa() throws IOException {
        assertThatThrownBy(() -> PemKeys.readRsaPublicKey(read("rsa2048.pem")))
                .isInstanceOf(PemException.class).hasMessage("expected a public key, found a private key (PRIVATE KEY)");
        assertThatThrownBy(() -> PemKeys.readRsaPrivateKey(read("rsa2048.pub"), null))
                .isInstanceOf(PemException.class).hasMessage("expected a private key, found a public key (PUBLIC KEY)");
    }

    @Test
    void aTamperedEncryptedKeyDoesNotOpen() throws IOException {
        String pem = read("enc-pkcs8.pem");
        String[] lines = pem.split("\n");
        // Flip one base64 character in the last full line of ciphertext.
        int line = lines.length - 3;
        char c = lines[line].charAt(10);
        lines[line] = lines[line].substring(0, 10) + (c == 'A' ? 'B' : 'A') + lines[line].substring(11);
        String tampered = String.join("\n", lines) + "\n";
        assertThatThrownBy(() -> PemKeys.readRsaPrivateKey(tampered, PASSPHRASE.toCharArray()))
                .isInstanceOf(PemException.class);
    }
}
