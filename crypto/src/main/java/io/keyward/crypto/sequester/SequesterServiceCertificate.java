package io.keyward.crypto.sequester;

import io.keyward.crypto.pem.PemKeys;
import io.keyward.crypto.util.Base64Url;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Registers a sequester service: the authority vouches that data for {@code serviceId} may be
 * encrypted to {@code encryptionKey}. Canonical form (keys sorted):
 *
 * <pre>
 * {"encryption_key":"&lt;base64url SPKI DER&gt;","service_id":"&lt;uuid&gt;","service_label":"&lt;label&gt;",
 *  "timestamp":"2026-11-25T10:00:00.000000Z","type":"keyward.sequester_service_certificate.v1"}
 * </pre>
 *
 * @param encryptionKey the service's RSA key (at least 2048 bits)
 * @param timestamp truncated to microseconds
 */
public record SequesterServiceCertificate(UUID serviceId, String serviceLabel, RSAPublicKey encryptionKey,
                                          Instant timestamp) implements SequesterCertificate {
    public static final int MAX_LABEL_LENGTH = 256;
    private static final Set<String> FIELDS = Set.of("encryption_key", "service_id", "service_label", "timestamp", "type");

    public SequesterServiceCertificate {
        if (serviceId == null) {
            throw new SequesterCertificateException("certificate service_id is missing");
        }
        checkLabel(serviceLabel);
        if (encryptionKey == null) {
            throw new SequesterCertificateException("certificate encryption_key is missing");
        }
        SequesterKeys.require(encryptionKey);
        timestamp = CertificateFields.checkTimestamp(timestamp);
    }

    /** A new certificate for a fresh random service id. */
    public static SequesterServiceCertificate create(String serviceLabel, RSAPublicKey encryptionKey, Instant timestamp) {
        return new SequesterServiceCertificate(UUID.randomUUID(), serviceLabel, encryptionKey, timestamp);
    }

    @Override
    public Kind kind() {
        return Kind.SERVICE;
    }

    /** The encryption key as SPKI DER, as it appears in the certificate. */
    public byte[] encryptionKeyDer() {
        return PemKeys.publicKeyDer(encryptionKey);
    }

    @Override
    public byte[] canonicalBytes() {
        return CanonicalJson.write(Map.of(
                "encryption_key", Base64Url.encode(encryptionKeyDer()),
                "service_id", CertificateFields.uuid(serviceId),
                "service_label", serviceLabel,
                "timestamp", CertificateFields.timestamp(timestamp),
                "type", Kind.SERVICE.type()));
    }

    /** Parses canonical bytes (already verified); refuses anything else. */
    public static SequesterServiceCertificate parse(byte[] canonical) {
        Map<String, String> fields = CanonicalJson.parse(canonical);
        CertificateFields.requireFields(fields, Kind.SERVICE, FIELDS);
        RSAPublicKey key = SequesterKeys.readPublicKeyDer(Base64Url.decode(fields.get("encryption_key"), "encryption_key"));
        return new SequesterServiceCertificate(CertificateFields.parseUuid(fields.get("service_id")),
                fields.get("service_label"), key, CertificateFields.parseTimestamp(fields.get("timestamp")));
    }

    private static void checkLabel(String label) {
        if (label == null || label.isBlank()) {
            throw new SequesterCertificateException("service label must not be empty");
        }
        if (label.codePointCount(0, label.length()) > MAX_LABEL_LENGTH) {
            throw new SequesterCertificateException("service label is longer than " + MAX_LABEL_LENGTH + " characters");
        }
        if (label.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE)) {
            throw new SequesterCertificateException("service label must not contain control characters");
        }
    }
}
