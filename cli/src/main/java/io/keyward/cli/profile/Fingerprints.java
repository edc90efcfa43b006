package io.keyward.cli.profile;

import io.keyward.cli.CliException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * SHA-256 certificate fingerprints as {@code openssl x509 -noout -fingerprint -sha256} and
 * {@code keyward server} print them: 32 upper-case hex pairs joined by colons.
 */
public final class Fingerprints {
    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();

    private Fingerprints() {}

    public static String of(X509Certificate certificate) {
        try {
            return COLON_HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the server certificate", e);
        }
    }

    /**
     * Reads a fingerprint as a user types it: with or without colons (or spaces), any case, with an
     * optional {@code sha256:} or {@code SHA256 Fingerprint=} prefix; returns the canonical form.
     *
     * @throws CliException when it is not 32 bytes of hex
     */
    public static String parse(String text, String source) {
        String t = text.strip();
        int equals = t.indexOf('=');
        if (equals >= 0 && t.substring(0, equals).toLowerCase(Locale.ROOT).contains("fingerprint")) {
            t = t.substring(equals + 1);
        }
        if (t.regionMatches(true, 0, "sha256:", 0, 7)) {
            t = t.substring(7);
        }
        String digits = t.replaceAll("[:\\s]", "");
        if (digits.length() != 64 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new CliException("invalid_input: " + source + " is not a SHA-256 fingerprint (64 hex digits, colons allowed)");
        }
        return COLON_HEX.formatHex(HexFormat.of().parseHex(digits));
    }
}
