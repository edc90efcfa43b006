package io.keyward.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.pem.PemKeys;
import io.keyward.crypto.testing.OpenSsl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PKCS#8 made by {@code openssl genpkey} imports to the declared type, and the SPKI PEM Keyward
 * exports is byte for byte what {@code openssl pkey -pubout} writes for the same key (and parses
 * with {@code openssl pkey -pubin}). A key of another type or curve is refused as a mismatch.
 */
class KeyCodecOpenSslTest {
    private static final Map<KeyType, String[]> GENPKEY = Map.of(
            KeyType.ED25519, new String[] {"-algorithm", "ed25519"},
            KeyType.X25519, new String[] {"-algorithm", "x25519"},
            KeyType.ECDSA_P256, new String[] {"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"},
            KeyType.ECDSA_P384, new String[] {"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"},
            KeyType.ECDSA_SECP256K1, new String[] {"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:secp256k1"},
            KeyType.RSA_2048, new String[] {"-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"});

    @TempDir
    Path dir;

    @Test
    void openSslKeysImportAndExportTheSamePublicKey() throws Exception {
        for (var entry : GENPKEY.entrySet()) {
            KeyType type = entry.getKey();
            String name = type.id();
            String[] args = new String[entry.getValue().length + 4];
            args[0] = "genpkey";
            System.arraycopy(entry.getValue(), 0, args, 1, entry.getValue().length);
            args[args.length - 3] = "-out";
            args[args.length - 2] = name + ".pem";
            args[args.length - 1] = "-quiet";
            OpenSsl.run(dir, args);
            String pem = Files.readString(dir.resolve(name + ".pem"));
            WorkingKey key = WorkingKey.importPkcs8Pem(type, pem);

            String openSslSpki = OpenSsl.run(dir, "pkey", "-in", name + ".pem", "-pubout");
            assertThat(key.publicKey().spkiPem()).as(name).isEqualTo(openSslSpki);
            assertThat(PublicWorkingKey.fromSpki(type, key.publicKey().spki())).isEqualTo(key.publicKey());

            // OpenSSL reads what we write: the SPKI PEM and the PKCS#8 of the same key.
            Files.writeString(dir.resolve(name + ".pub.pem"), key.publicKey().spkiPem());
            assertThat(OpenSsl.run(dir, "pkey", "-pubin", "-in", name + ".pub.pem", "-pubout")).isEqualTo(openSslSpki);
            Files.writeString(dir.resolve(name + ".ours.pem"), PemKeys.armor("PRIVATE KEY", key.toPkcs8()));
            assertThat(OpenSsl.run(dir, "pkey", "-in", name + ".ours.pem", "-pubout")).as(name).isEqualTo(openSslSpki);
        }
    }

    @Test
    void openSslVerifiesOurEcdsaSignatures() throws Exception {
        Object[][] cases = {{KeyType.ECDSA_P256, "P-256", "-sha256"}, {KeyType.ECDSA_P384, "P-384", "-sha384"},
                {KeyType.ECDSA_SECP256K1, "secp256k1", "-sha256"}};
        byte[] message = "signed by keyward".getBytes(StandardCharsets.US_ASCII);
        Files.write(dir.resolve("msg"), message);
        for (Object[] c : cases) {
            KeyType type = (KeyType) c[0];
            OpenSsl.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:" + c[1], "-out", "k.pem", "-quiet");
            WorkingKey key = WorkingKey.importPkcs8Pem(type, Files.readString(dir.resolve("k.pem")));
            Files.write(dir.resolve("sig"), key.sign(message, SignatureOptions.DEFAULT.withLowS(true)));
            Files.writeString(dir.resolve("pub.pem"), key.publicKey().spkiPem());
            assertThat(OpenSsl.run(dir, "dgst", (String) c[2], "-verify", "pub.pem", "-signature", "sig", "msg"))
                    .as(type.id()).contains("Verified OK");
            // And the other way: OpenSSL's signature verifies through the working key.
            OpenSsl.run(dir, "dgst", (String) c[2], "-sign", "k.pem", "-out", "theirs.sig", "msg");
            key.publicKey().verify(Files.readAllBytes(dir.resolve("theirs.sig")), message);
        }
    }

    @Test
    void rsaSignaturesAndOaepInteroperateWithOpenSsl() throws Exception {
        OpenSsl.run(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.pem", "-quiet");
        WorkingKey key = WorkingKey.importPkcs8Pem(KeyType.RSA_2048, Files.readString(dir.resolve("rsa.pem")));
        byte[] message = "rsa interop".getBytes(StandardCharsets.US_ASCII);
        Files.write(dir.resolve("msg"), message);
        Files.writeString(dir.resolve("pub.pem"), key.publicKey().spkiPem());
        SignatureOptions pkcs1 = SignatureOptions.DEFAULT.withRsaPadding(SignatureOptions.RsaPadding.PKCS1_V15_SHA256);

        // PKCS#1 v1.5 both ways.
        OpenSsl.run(dir, "dgst", "-sha256", "-sign", "rsa.pem", "-out", "v15.sig", "msg");
        assertThat(Files.readAllBytes(dir.resolve("v15.sig"))).isEqualTo(key.sign(message, pkcs1));
        key.publicKey().verify(Files.readAllBytes(dir.resolve("v15.sig")), message, pkcs1);
        // PSS with MGF1-SHA-256 and a 32-byte salt, both ways.
        OpenSsl.run(dir, "dgst", "-sha256", "-sign", "rsa.pem", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32",
                "-out", "pss.sig", "msg");
        key.publicKey().verify(Files.readAllBytes(dir.resolve("pss.sig")), message);
        Files.write(dir.resolve("ours.sig"), key.sign(message));
        assertThat(OpenSsl.run(dir, "dgst", "-sha256", "-verify", "pub.pem", "-sigopt", "rsa_padding_mode:pss", "-sigopt",
                "rsa_pss_saltlen:32", "-signature", "ours.sig", "msg")).contains("Verified OK");
        // OAEP-SHA256: OpenSSL encrypts, the working key decrypts (empty label = no associated data).
        OpenSsl.run(dir, "pkeyutl", "-encrypt", "-pubin", "-inkey", "pub.pem", "-pkeyopt", "rsa_padding_mode:oaep", "-pkeyopt",
                "rsa_oaep_md:sha256", "-pkeyopt", "rsa_mgf1_md:sha256", "-in", "msg", "-out", "ct");
        assertThat(key.decrypt(Files.readAllBytes(dir.resolve("ct")), null)).isEqualTo(message);
    }

    @Test
    void mismatchedAndUnsupportedPemsAreRefused() throws Exception {
        OpenSsl.run(dir, "genpkey", "-algorithm", "ed25519", "-out", "ed.pem", "-quiet");
        OpenSsl.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "p256.pem", "-quiet");
        String ed = Files.readString(dir.resolve("ed.pem"));
        String p256 = Files.readString(dir.resolve("p256.pem"));
        assertThatThrownBy(() -> WorkingKey.importPkcs8Pem(KeyType.ECDSA_P256, ed)).isInstanceOf(KeyTypeMismatchException.class)
                .hasMessage("declared ecdsa-p256 but the key material is an Ed25519 key");
        assertThatThrownBy(() -> WorkingKey.importPkcs8Pem(KeyType.ECDSA_P384, p256)).isInstanceOf(KeyTypeMismatchException.class)
                .hasMessage("declared ecdsa-p384 but the key material is an EC P-256 key");
        assertThatThrownBy(() -> WorkingKey.importPkcs8Pem(KeyType.X25519, ed)).isInstanceOf(KeyTypeMismatchException.class);
        String spki = OpenSsl.run(dir, "pkey", "-in", "ed.pem", "-pubout");
        assertThatThrownBy(() -> WorkingKey.importPkcs8Pem(KeyType.ED25519, spki)).isInstanceOf(KeyImportException.class)
                .hasMessage("expected an unencrypted PKCS#8 key (BEGIN PRIVATE KEY), found \"PUBLIC KEY\"");
        OpenSsl.run(dir, "pkcs8", "-topk8", "-in", "ed.pem", "-out", "enc.pem", "-passout", "pass:secret");
        String encrypted = Files.readString(dir.resolve("enc.pem"));
        assertThatThrownBy(() -> WorkingKey.importPkcs8Pem(KeyType.ED25519, encrypted)).isInstanceOf(KeyImportException.class)
                .hasMessage("encrypted PKCS#8 is not accepted here: decrypt it first (openssl pkcs8)");
        assertThatThrownBy(() -> WorkingKey.importPkcs8(KeyType.ED25519, new byte[] {0x30, 0x03, 0x02, 0x01})).isInstanceOf(KeyImportException.class)
                .hasMessage("ed25519 private key is not DER PKCS#8");
        assertThatThrownBy(() -> PublicWorkingKey.fromSpki(KeyType.ECDSA_P256, PemKeys.publicKeyDer(PemKeys.readPublicKey(spki))))
                .isInstanceOf(KeyTypeMismatchException.class).hasMessage("declared ecdsa-p256 but the key material is an Ed25519 key");
    }
}
