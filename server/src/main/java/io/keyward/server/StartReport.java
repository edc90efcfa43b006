package io.keyward.server;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a started node tells its operator (the {@code keyward server} command prints it).
 *
 * @param url the HTTPS base URL the node listens on
 * @param fingerprint the SHA-256 fingerprint of its TLS certificate (colon hex), printed on every start
 * @param adminToken the admin token, present only on the start that created it: it is never shown again
 * @param rootKeyFile the root key file
 * @param rootKeyCreated true when this start created the root key file (the operator must back it up)
 * @param certificateCreated true when this start created the self-signed certificate (clients must pin it anew)
 */
public record StartReport(String url, String fingerprint, Optional<String> adminToken, Path rootKeyFile,
        boolean rootKeyCreated, boolean certificateCreated) {
    @Override
    public String toString() {
        return "StartReport[url=" + url + ", fingerprint=" + fingerprint + ", adminToken="
                + (adminToken.isPresent() ? "****" : "none") + ", rootKeyFile=" + rootKeyFile
                + ", rootKeyCreated=" + rootKeyCreated + ", certificateCreated=" + certificateCreated + "]";
    }
}
