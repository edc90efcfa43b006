package io.keyward.crypto.sequester;

import io.keyward.crypto.pem.PemKeys;
import java.io.IOException;
import java.io.StringReader;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * Signing, verifying and PEM-armoring sequester certificates. A signed certificate is
 * {@code SequesterArmor.sign(authority, canonical JSON)}, i.e. {@code "RSASSA-PSS-SHA256:" ||
 * signature || JSON}; its PEM form is that blob in base64 under the kind's label, for example
 * {@code -----BEGIN KEYWARD SEQUESTER SERVICE CERTIFICATE-----}.
 *
 * <p>Why canonical JSON rather than Parsec's own encoding: Parsec serializes its certificates as
 * msgpack (with extension types for ids and datetimes) compressed with zstd, which would need two
 * more libraries in this module and still would not make Keyward certificates interchangeable with
 * Parsec's (their fields and types differ). The armor, which is what carries the cryptography, is
 * Parsec's byte for byte; the payload is a compact, sorted, whitespace-free JSON object that
 * {@link CanonicalJson} writes and reads back only in that exact form, so a signature covers exactly
 * one byte string and one meaning, and the server can read it with any JSON library.
 */
public final class SequesterCertificates {
    private SequesterCertificates() {}

    /** Signs with the authority's private key (RSA, at least 2048 bits). */
    public static byte[] sign(RSAPrivateKey authority, SequesterCertificate certificate) {
        return SequesterArmor.sign(SequesterKeys.require(authority), certificate.canonicalBytes());
    }

    /** Verifies a signed service certificate and returns it; refuses any other kind. */
    public static SequesterServiceCertificate verifyService(RSAPublicKey authority, byte[] signed) {
        return SequesterServiceCertificate.parse(SequesterArmor.verify(SequesterKeys.require(authority), signed));
    }

    /** Verifies a signed revocation certificate and returns it; refuses any other kind. */
    public static SequesterRevokedServiceCertificate verifyRevocation(RSAPublicKey authority, byte[] signed) {
        return SequesterRevokedServiceCertificate.parse(SequesterArmor.verify(SequesterKeys.require(authority), signed));
    }

    /** The PEM armor of a signed certificate, in OpenSSL's layout (64-character lines). */
    public static String toPem(SequesterCertificate.Kind kind, byte[] signed) {
        return PemKeys.armor(kind.pemLabel(), signed);
    }

    /** The signed blob inside the PEM armor; the label must be the kind's. Does not verify. */
    public static byte[] fromPem(SequesterCertificate.Kind kind, String pem) {
        PemObject object;
        try (PemReader reader = new PemReader(new StringReader(pem == null ? "" : pem))) {
            object = reader.readPemObject();
        } catch (IOException | RuntimeException e) {
            throw new SequesterCertificateException("the certificate PEM is malformed");
        }
        if (object == null) {
            throw new SequesterCertificateException("no PEM certificate found (expected -----BEGIN "
                    + kind.pemLabel() + "-----)");
        }
        if (!kind.pemLabel().equals(object.getType())) {
            throw new SequesterCertificateException("expected -----BEGIN " + kind.pemLabel() + "-----, found \""
                    + object.getType().replaceAll("[^A-Z0-9 ]", "?") + "\"");
        }
        return object.getContent();
    }
}
