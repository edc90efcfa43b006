package io.keyward.server.session;

import java.time.Instant;

/** A stored session as one request sees it (its wrapped channel keys stay in {@link SessionService}). */
public record SessionRecord(String sessionId, String org, String userKey, SessionKind kind, Instant createdAt,
                            Instant expiresAt, long idleTimeoutMillis, Instant lastUsedAt, Integer requestLimit,
                            long requestCount, long highestSeq, Instant endedAt) {
    /** Requests still allowed after the current one was counted, or null for no limit. */
    public Long requestsRemaining() {
        return requestLimit == null ? null : Math.max(0, requestLimit - requestCount);
    }
}
