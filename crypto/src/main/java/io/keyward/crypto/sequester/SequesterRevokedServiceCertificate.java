package io.keyward.crypto.sequester;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Revokes a sequester service from {@code timestamp} on. Canonical form (keys sorted):
 *
 * <pre>
 * {"service_id":"&lt;uuid&gt;","timestamp":"2026-11-25T10:00:00.000000Z","type":"keyward.sequester_revoked_service_certificate.v1"}
 * </pre>
 */
public record SequesterRevokedServiceCertificate(UUID serviceId, Instant timestamp) implements SequesterCertificate {
    private static final Set<String> FIELDS = Set.of("service_id", "timestamp", "type");

    public SequesterRevokedServiceCertificate {
        if (serviceId == null) {
            throw new SequesterCertificateException("certificate service_id is missing");
        }
        timestamp = CertificateFields.checkTimestamp(timestamp);
    }

    @Override
    public Kind kind() {
        return Kind.REVOCATION;
    }

    @Override
    public byte[] canonicalBytes() {
        return CanonicalJson.write(Map.of(
                "service_id", CertificateFields.uuid(serviceId),
                "timestamp", CertificateFields.timestamp(timestamp),
                "type", Kind.REVOCATION.type()));
    }

    /** Parses canonical bytes (already verified); refuses anything else. */
    public static SequesterRevokedServiceCertificate parse(byte[] canonical) {
        Map<String, String> fields = CanonicalJson.parse(canonical);
        CertificateFields.requireFields(fields, Kind.REVOCATION, FIELDS);
        return new SequesterRevokedServiceCertificate(CertificateFields.parseUuid(fields.get("service_id")),
                CertificateFields.parseTimestamp(fields.get("timestamp")));
    }
}
