package io.keyward.crypto.sequester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.pem.PemKeys;
import io.keyward.crypto.rsa.UnsuitableKeyException;
import io.keyward.crypto.testing.OpenSsl;
import io.keyward.crypto.util.Base64Url;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequesterCertificatesTest {
    private static final Instant T = Instant.parse("2026-11-25T10:11:12.123456789Z");
    private static final UUID ID = UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

    @TempDir
    static Path dir;
    static RSAPrivateCrtKey authority;
    static RSAPublicKey authorityPublic;
    static RSAPrivateCrtKey otherAuthority;
    static RSAPublicKey service;
    static RSAPublicKey shortKey;

    @BeforeAll
    static void makeKeys() throws IOException {
        OpenSsl.run(dir, "genrsa", "-aes256", "-passout", "pass:authority", "-out", "authority.pem", "2048");
        OpenSsl.run(dir, "rsa", "-in", "authority.pem", "-passin", "pass:authority", "-pubout", "-out", "authority.pub");
        OpenSsl.run(dir, "genrsa", "-out", "other.pem", "2048");
        OpenSsl.run(dir, "genrsa", "-out", "service.pem", "2048");
        OpenSsl.run(dir, "rsa", "-in", "service.pem", "-pubout", "-out", "service.pub");
        OpenSsl.run(dir, "genrsa", "-out", "short.pem", "1024");
        OpenSsl.run(dir, "rsa", "-in", "short.pem", "-pubout", "-out", "short.pub");
        authority = SequesterKeys.readPrivateKeyPem(read("authority.pem"), "authority".toCharArray());
        authorityPublic = SequesterKeys.readPublicKeyPem(read("authority.pub"));
        otherAuthority = SequesterKeys.readPrivateKeyPem(read("other.pem"), null);
        service = SequesterKeys.readPublicKeyPem(read("service.pub"));
        shortKey = PemKeys.readRsaPublicKey(read("short.pub"));
    }

    private static String read(String name) throws IOException {
        return Files.readString(dir.resolve(name));
    }

    @Test
    void theCanonicalFormIsSortedCompactJson() {
        var cert = new SequesterServiceCertificate(ID, "Inspection \"A\" \\ été", service, T);
        String expected = "{\"encryption_key\":\"" + Base64Url.encode(PemKeys.publicKeyDer(service)) + "\","
                + "\"service_id\":\"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\","
                + "\"service_label\":\"Inspection \\\"A\\\" \\\\ été\","
                + "\"timestamp\":\"2026-11-25T10:11:12.123456Z\","
                + "\"type\":\"keyward.sequester_service_certificate.v1\"}";
        assertThat(new String(cert.canonicalBytes(), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(cert.timestamp()).isEqualTo(Instant.parse("2026-11-25T10:11:12.123456Z"));
        assertThat(SequesterServiceCertificate.parse(cert.canonicalBytes())).isEqualTo(cert);

        var revocation = new SequesterRevokedServiceCertificate(ID, T);
        assertThat(new String(revocation.canonicalBytes(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"service_id\":\"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\",\"timestamp\":\"2026-11-25T10:11:12.123456Z\","
                + "\"type\":\"keyward.sequester_revoked_service_certificate.v1\"}");
    }

    @Test
    void aServiceCertificateSignsVerifiesAndTravelsAsPem() {
        var cert = SequesterServiceCertificate.create("Inspection", service, T);
        byte[] signed = SequesterCertificates.sign(authority, cert);
        assertThat(new String(signed, 0, 18, StandardCharsets.US_ASCII)).isEqualTo("RSASSA-PSS-SHA256:");
        String pem = SequesterCertificates.toPem(SequesterCertificate.Kind.SERVICE, signed);
        assertThat(pem).startsWith("-----BEGIN KEYWARD SEQUESTER SERVICE CERTIFICATE-----\n")
                .endsWith("-----END KEYWARD SEQUESTER SERVICE CERTIFICATE-----\n");
        assertThat(pem.lines().skip(1).limit(3)).allSatisfy(line -> assertThat(line).hasSize(64));

        byte[] fromPem = SequesterCertificates.fromPem(SequesterCertificate.Kind.SERVICE, pem);
        SequesterServiceCertificate verified = SequesterCertificates.verifyService(authorityPublic, fromPem);
        assertThat(verified).isEqualTo(cert);
        assertThat(verified.encryptionKey()).isEqualTo(service);
        assertThat(verified.serviceLabel()).isEqualTo("Inspection");
    }

    @Test
    void aRevocationCertificateSignsAndVerifies() {
        var revocation = new SequesterRevokedServiceCertificate(ID, T);
        byte[] signed = SequesterCertificates.sign(authority, revocation);
        String pem = SequesterCertificates.toPem(SequesterCertificate.Kind.REVOCATION, signed);
        assertThat(pem).startsWith("-----BEGIN KEYWARD SEQUESTER REVOCATION CERTIFICATE-----\n");
        assertThat(SequesterCertificates.verifyRevocation(authorityPublic,
                SequesterCertificates.fromPem(SequesterCertificate.Kind.REVOCATION, pem))).isEqualTo(revocation);
    }

    @Test
    void anotherAuthoritysSignatureOrATamperedCertificateIsRefused() {
        var cert = SequesterServiceCertificate.create("Inspection", service, T);
        byte[] byOther = SequesterCertificates.sign(otherAuthority, cert);
        assertThatThrownBy(() -> SequesterCertificates.verifyService(authorityPublic, byOther))
                .isInstanceOf(SequesterSignatureException.class);
        byte[] signed = SequesterCertificates.sign(authority, cert);
        signed[signed.length - 3] ^= 0x01;
        assertThatThrownBy(() -> SequesterCertificates.verifyService(authorityPublic, signed))
                .isInstanceOf(SequesterSignatureException.class);
    }

    @Test
    void oneKindIsNeverReadAsAnother() {
        byte[] revocation = SequesterCertificates.sign(authority, new SequesterRevokedServiceCertificate(ID, T));
        assertThatThrownBy(() -> SequesterCertificates.verifyService(authorityPublic, revocation))
                .isInstanceOf(SequesterCertificateException.class)
                .hasMessage("expected a keyward.sequester_service_certificate.v1 certificate, found type "
                        + "\"keyward.sequester_revoked_service_certificate.v1\"");
        byte[] service = SequesterCertificates.sign(authority, SequesterServiceCertificate.create("S", SequesterCertificatesTest.service, T));
        assertThatThrownBy(() -> SequesterCertificates.verifyRevocation(authorityPublic, service))
                .isInstanceOf(SequesterCertificateException.class);
        String revocationPem = SequesterCertificates.toPem(SequesterCertificate.Kind.REVOCATION, revocation);
        assertThatThrownBy(() -> SequesterCertificates.fromPem(SequesterCertificate.Kind.SERVICE, revocationPem))
                .isInstanceOf(SequesterCertificateException.class)
                .hasMessage("expected -----BEGIN KEYWARD SEQUESTER SERVICE CERTIFICATE-----, found "
                        + "\"KEYWARD SEQUESTER REVOCATION CERTIFICATE\"");
        assertThatThrownBy(() -> SequesterCertificates.fromPem(SequesterCertificate.Kind.SERVICE, "garbage"))
                .isInstanceOf(SequesterCertificateException.class);
    }

    @Test
    void signedButNonCanonicalContentIsRefused() {
        String canonical = new String(new SequesterRevokedServiceCertificate(ID, T).canonicalBytes(), StandardCharsets.UTF_8);
        String[] variants = {
            canonical.replace(",", ", "),
            "{\"timestamp\":\"2026-11-25T10:11:12.123456Z\",\"service_id\":\"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\","
                    + "\"type\":\"keyward.sequester_revoked_service_certificate.v1\"}",
            canonical.replace("123456Z", "123Z"),
            canonical.replace("0a1b2c3d", "0A1B2C3D"),
            canonical.replace("}", ",\"extra\":\"x\"}"),
            canonical.replace("\"service_id\"", "\"service\\u005fid\""),
            canonical + " ",
            "[]",
        };
        for (String variant : variants) {
            byte[] signed = SequesterArmor.sign(authority, variant.getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> SequesterCertificates.verifyRevocation(authorityPublic, signed)).as(variant)
                    .isInstanceOf(SequesterCertificateException.class);
        }
    }

    @Test
    void badFieldsAreRefused() {
        assertThatThrownBy(() -> SequesterServiceCertificate.create("Inspection", shortKey, T))
                .isInstanceOf(UnsuitableKeyException.class).hasMessageContaining("at least 2048 bits");
        assertThatThrownBy(() -> SequesterServiceCertificate.create(" ", service, T))
                .isInstanceOf(SequesterCertificateException.class).hasMessage("service label must not be empty");
        assertThatThrownBy(() -> SequesterServiceCertificate.create("a\nb", service, T))
                .isInstanceOf(SequesterCertificateException.class);
        assertThatThrownBy(() -> SequesterServiceCertificate.create("x".repeat(257), service, T))
                .isInstanceOf(SequesterCertificateException.class);
        assertThatThrownBy(() -> new SequesterRevokedServiceCertificate(ID, Instant.parse("1969-12-31T23:59:59Z")))
                .isInstanceOf(SequesterCertificateException.class);
        var cert = SequesterServiceCertificate.create("Inspection", service, T);
        assertThatThrownBy(() -> SequesterCertificates.sign(PemKeys.readRsaPrivateKey(readUnchecked("short.pem"), null), cert))
                .isInstanceOf(UnsuitableKeyException.class);
    }

    private static String readUnchecked(String name) {
        try {
            return read(name);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
