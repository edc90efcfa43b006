package io.keyward.server.http;

import java.time.Instant;

/**
 * The body of {@code GET /v1/admin/node}: what an operator needs to identify a node.
 *
 * @param version the Keyward version
 * @param startedAt when this process started serving
 * @param uptimeSeconds seconds since then
 * @param storage {@code sqlite} or {@code postgres}
 * @param rootLock the root lock's non-secret key id
 * @param certificateSha256 the TLS certificate fingerprint clients pin
 */
public record NodeStatus(String version, Instant startedAt, long uptimeSeconds, String storage, String rootLock,
        String certificateSha256) {}
