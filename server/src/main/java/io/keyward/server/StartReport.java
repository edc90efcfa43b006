package io.keyward.server;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a started node tells its operator (the {@code keyward server} command prints it).
 *
 * @param url the HTTPS base URL the node listens on
 * @param fingerprint the SHA-256 fingerprint of its TLS certificate (colon hex), printed on every start
 * @param adminToken the admin token, present only on the start that created it: it is never shown again
 * @param rootLock the root lock's non-secret key id ({@code file:...}, {@code pkcs11:...}, {@code aws-kms:...})
 * @param rootKeyFile the root key file, for the {@code file} provider
 * @param rootKeyCreated true when this start created the root key file (the operator must back it up)
 * @param certificateCreated true when this start created the self-signed certificate (clients must pin it anew)
 */
public record StartReport(String url, String fingerprint, Optional<String> adminToken, String rootLock,
        Optional<Path> rootKeyFile, boolean rootKeyCreated, boolean certificateCreated) {
    @Override
    public String toString() {
        return "StartReport[url=" + url + ", fingerprint=" + fingerprint + ", adminToken="
                + (adminToken.isPresent() ? "****" : "none") + ", rootLock=" + rootLock + ", rootKeyFile=" + rootKeyFile.orElse(null)
                + ", rootKeyCreated=" + rootKeyCreated + ", certificateCreated=" + certificateCreated + "]";
    }
}
