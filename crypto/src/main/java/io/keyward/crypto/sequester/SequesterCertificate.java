package io.keyward.crypto.sequester;

import java.time.Instant;
import java.util.UUID;

/**
 * A certificate the sequester authority signs offline. Serialized as {@link CanonicalJson} with a
 * {@code type} field naming its kind and version, so one kind can never be read as another.
 */
public sealed interface SequesterCertificate permits SequesterServiceCertificate, SequesterRevokedServiceCertificate {
    UUID serviceId();

    Instant timestamp();

    Kind kind();

    /** The canonical JSON bytes that the authority signs. */
    byte[] canonicalBytes();

    /** The kinds, each with its {@code type} value and PEM label. */
    enum Kind {
        SERVICE("keyward.sequester_service_certificate.v1", "KEYWARD SEQUESTER SERVICE CERTIFICATE"),
        REVOCATION("keyward.sequester_revoked_service_certificate.v1", "KEYWARD SEQUESTER REVOCATION CERTIFICATE");

        private final String type;
        private final String pemLabel;

        Kind(String type, String pemLabel) {
            this.type = type;
            this.pemLabel = pemLabel;
        }

        public String type() {
            return type;
        }

        public String pemLabel() {
            return pemLabel;
        }
    }
}
