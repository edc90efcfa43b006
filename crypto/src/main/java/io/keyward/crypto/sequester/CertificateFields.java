package io.keyward.crypto.sequester;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Field encodings shared by the sequester certificates. */
final class CertificateFields {
    /** RFC 3339 UTC with exactly six fraction digits (Parsec's microsecond DateTime). */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private CertificateFields() {}

    static Instant checkTimestamp(Instant timestamp) {
        if (timestamp == null) {
            throw new SequesterCertificateException("certificate timestamp is missing");
        }
        Instant micros = timestamp.truncatedTo(ChronoUnit.MICROS);
        if (micros.isBefore(Instant.EPOCH) || micros.isAfter(LATEST)) {
            throw new SequesterCertificateException("certificate timestamp is out of range");
        }
        return micros;
    }

    static String timestamp(Instant timestamp) {
        return TIMESTAMP.format(timestamp);
    }

    static Instant parseTimestamp(String text) {
        try {
            return checkTimestamp(Instant.from(TIMESTAMP.parse(text)));
        } catch (DateTimeException e) {
            throw new SequesterCertificateException("certificate timestamp is not RFC 3339 UTC with microseconds");
        }
    }

    static String uuid(UUID id) {
        return id.toString();
    }

    static UUID parseUuid(String text) {
        try {
            UUID id = UUID.fromString(text);
            if (id.toString().equals(text)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw new SequesterCertificateException("certificate service_id is not a lowercase UUID");
    }

    static void requireFields(Map<String, String> fields, SequesterCertificate.Kind kind, Set<String> names) {
        String type = fields.get("type");
        if (!kind.type().equals(type)) {
            throw new SequesterCertificateException("expected a " + kind.type() + " certificate, found type \""
                    + (type == null ? "" : type.replaceAll("[^A-Za-z0-9_.-]", "?")) + "\"");
        }
        if (!fields.keySet().equals(names)) {
            throw new SequesterCertificateException("certificate fields must be exactly " + names);
        }
    }
}
