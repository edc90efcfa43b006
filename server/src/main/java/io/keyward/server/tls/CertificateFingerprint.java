package io.keyward.server.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * The SHA-256 fingerprint of a certificate's DER encoding, written as
 * {@code openssl x509 -noout -fingerprint -sha256} writes it (upper-case hex pairs joined by colons),
 * so an operator can compare the two by eye. Clients pin this value (DESIGN.md, "Command line").
 */
public final class CertificateFingerprint {
    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();

    private CertificateFingerprint() {}

    public static String sha256(X509Certificate certificate) {
        try {
            return COLON_HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new TlsException("cannot encode the certificate", e);
        }
    }
}
