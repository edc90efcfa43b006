package io.keyward.server.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Which entries of one organization to read, in seq order: those after {@code afterSeq} (paging),
 * at most {@code limit}, matching every filter that is set (null means any).
 *
 * @param actorType with {@code actorId}: only this actor's entries (a user reading their own)
 * @param since entries at or after this time
 * @param until entries before this time
 */
public record AuditQuery(String org, String actorType, String actorId, Instant since, Instant until, String action,
        String target, Outcome outcome, String requestId, long afterSeq, int limit) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        Objects.requireNonNull(org, "org");
        if (afterSeq < 0) {
            throw new IllegalArgumentException("after_seq must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT);
        }
    }

    /** Everything of {@code org} after {@code afterSeq}, {@code limit} at a time. */
    public static AuditQuery all(String org, long afterSeq, int limit) {
        return new AuditQuery(org, null, null, null, null, null, null, null, null, afterSeq, limit);
    }

    /** The same query restricted to one actor. */
    public AuditQuery forActor(String type, String id) {
        return new AuditQuery(org, type, id, since, until, action, target, outcome, requestId, afterSeq, limit);
    }

    /** Parses an RFC 3339 time ({@code 2026-11-25T10:00:00Z}, any offset, optional fraction). */
    public static Instant parseTime(String text, String field) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be an RFC 3339 time such as 2026-11-25T10:00:00Z");
        }
    }
}
