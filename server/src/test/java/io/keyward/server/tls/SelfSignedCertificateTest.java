package io.keyward.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTest {
    @TempDir
    Path dir;

    @Test
    void createsAP256CertificateForLoopbackWithAPrivateKeyFile() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        X509Certificate created = SelfSignedCertificate.create(cert, key, List.of("keyward.example"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(cert)).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(created.getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(((ECPublicKey) created.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(created.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(created.getBasicConstraints()).isEqualTo(-1);
        assertThat(created.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        List<String> names = created.getSubjectAlternativeNames().stream().map(san -> san.get(1).toString()).toList();
        assertThat(names).contains("127.0.0.1", "localhost", "keyward.example");
        assertThat(names).anySatisfy(n -> assertThat(n).matches("0:0:0:0:0:0:0:1|::1"));

        TlsMaterial loaded = TlsMaterial.load(cert, key);
        assertThat(loaded.certificate()).isEqualTo(created);
        assertThat(loaded.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void refusesToOverwriteExistingFiles() {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        SelfSignedCertificate.create(cert, key, List.of());
        assertThatThrownBy(() -> SelfSignedCertificate.create(cert, key, List.of())).isInstanceOf(TlsException.class);
    }

    @Test
    void fingerprintIsSha256OfTheDerInColonHex() throws Exception {
        X509Certificate cert = SelfSignedCertificate.create(dir.resolve("c.pem"), dir.resolve("k.pem"), List.of());
        String expected = HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        assertThat(CertificateFingerprint.sha256(cert)).isEqualTo(expected).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void fingerprintMatchesOpenssl() throws Exception {
        Path pem = dir.resolve("c.pem");
        X509Certificate cert = SelfSignedCertificate.create(pem, dir.resolve("k.pem"), List.of());
        Process openssl;
        try {
            openssl = new ProcessBuilder("openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", pem.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("openssl is not installed");
            return;
        }
        assertThat(openssl.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String out = new String(openssl.getInputStream().readAllBytes()).strip();
        assertThat(out.substring(out.indexOf('=') + 1)).isEqualTo(CertificateFingerprint.sha256(cert));
    }

    @Test
    void mismatchedEncryptedAndGarbageKeysAreRefused() throws IOException {
        Path certA = dir.resolve("a.pem");
        Path keyA = dir.resolve("a.key");
        Path keyB = dir.resolve("b.key");
        SelfSignedCertificate.create(certA, keyA, List.of());
        SelfSignedCertificate.create(dir.resolve("b.pem"), keyB, List.of());

        assertThatThrownBy(() -> TlsMaterial.load(certA, keyB))
                .isInstanceOf(TlsException.class)
                .hasMessage("tls: the key in " + keyB + " does not match the certificate in " + certA);

        Path encrypted = dir.resolve("enc.key");
        Files.writeString(encrypted, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIBvTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQIAAAAAAAAAAACAggA\nMAwGCCqGSIb3DQIJBQAwHQYJYIZIAWUDBAEqBBAAAAAAAAAAAAAAAAAAAAAABIIB\n-----END ENCRYPTED PRIVATE KEY-----\n");
        assertThatThrownBy(() -> TlsMaterial.load(certA, encrypted)).isInstanceOf(TlsException.class);

        Path garbage = dir.resolve("garbage.key");
        Files.writeString(garbage, "not a key\n");
        assertThatThrownBy(() -> TlsMaterial.load(certA, garbage))
                .isInstanceOf(TlsException.class).hasMessage("tls: " + garbage + " is not a PEM private key");
        assertThatThrownBy(() -> TlsMaterial.load(garbage, keyA))
                .isInstanceOf(TlsException.class).hasMessageStartingWith("tls: " + garbage);
    }
}
