package io.keyward.protocol.account;

import java.time.Instant;

/**
 * {@code GET /v1/account} (sealed): who this session belongs to.
 *
 * @param keyBundle the wrapped key bundle stored at completion (base64url), null while pending
 */
public record AccountInfo(String org, String userId, String status, String role, String keyBundle,
                          SessionInfo session) {
    /** The calling session. */
    public record SessionInfo(String sessionId, Instant expiresAt, Long requestsRemaining) {}
}
