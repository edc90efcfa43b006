package io.keyward.server.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The node's TLS certificate: either PEM files the operator gives, or (when both are absent) a
 * self-signed ECDSA P-256 certificate that the node creates in its data directory on first start.
 */
public record TlsConfig(Optional<Path> certFile, Optional<Path> keyFile) {
    public TlsConfig {
        if (certFile.isPresent() != keyFile.isPresent()) {
            throw new IllegalArgumentException("tls.cert_file and tls.key_file go together");
        }
    }

    public boolean selfSigned() {
        return certFile.isEmpty();
    }
}
