package io.keyward.server.session;

import io.keyward.crypto.util.Bytes;
import io.keyward.protocol.ErrorCodes;
import io.keyward.protocol.channel.ChannelKeys;
import io.keyward.protocol.channel.SealedChannel;
import io.keyward.server.config.SessionsConfig;
import io.keyward.server.http.ApiException;
import io.keyward.server.lock.RootLock;
import io.keyward.server.store.Database;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Sessions in the table {@code sessions}, so that any node serves any session. The channel keys are stored
 * wrapped by the root lock with AAD {@code "keyward/v1/session-keys\n" || session_id}, so a wrapped value
 * moved to another row does not unwrap.
 *
 * <p><b>The replay window</b> ({@link #consume}): a sequence number is accepted once, and only if it lies
 * at most {@value SealedChannel#REPLAY_WINDOW} below the highest seen. One transaction inserts
 * {@code (session_id, seq)} into {@code session_seqs}, whose primary key refuses a second use even when two
 * nodes receive the same seq at the same moment (PostgreSQL makes the second insert wait for the first
 * transaction and then skip it), and then updates the session row only where it is still live, within its
 * request limit and the seq within the window; that update takes the row lock, so concurrent requests of a
 * session are counted one after the other.
 */
public final class SessionService {
    private static final String COLUMNS = "session_id, org, user_key, kind, created_ms, expires_ms, idle_timeout_ms,"
            + " last_used_ms, request_limit, request_count, highest_seq, ended_ms";

    private final Database db;
    private final RootLock rootLock;
    private final SessionsConfig config;
    private final Clock clock;

    public SessionService(Database db, RootLock rootLock, SessionsConfig config, Clock clock) {
        this.db = db;
        this.rootLock = rootLock;
        this.config = config;
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Creates a session in the caller's transaction. A registration session accepts exactly one request;
     * a request session the lower of the configured limit and {@code clientLimit}.
     */
    public SessionRecord create(Connection connection, String org, String userKey, SessionKind kind, byte[] sessionKey,
            Integer clientLimit) throws SQLException {
        String id = RandomIds.next();
        long now = clock.millis();
        forgetExpired(connection, now);
        Integer limit = kind == SessionKind.REGISTRATION ? Integer.valueOf(1) : lower(config.requestLimit().orElse(null), clientLimit);
        long expires = now + config.ttl().toMillis();
        byte[] wrapped;
        try (ChannelKeys keys = ChannelKeys.derive(sessionKey)) {
            byte[] both = keys.toBytes();
            try {
                wrapped = rootLock.wrap(both, aad(id));
            } finally {
                Bytes.zeroize(both);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sessions (" + COLUMNS
                + ", keys_wrapped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, NULL, ?)")) {
            insert.setString(1, id);
            insert.setString(2, org);
            insert.setString(3, userKey);
            insert.setString(4, kind.wire());
            insert.setLong(5, now);
            insert.setLong(6, expires);
            insert.setLong(7, config.idleTimeout().toMillis());
            insert.setLong(8, now);
            if (limit == null) {
                insert.setNull(9, Types.BIGINT);
            } else {
                insert.setLong(9, limit);
            }
            insert.setBytes(10, wrapped);
            insert.executeUpdate();
        }
        return new SessionRecord(id, org, userKey, kind, Instant.ofEpochMilli(now), Instant.ofEpochMilli(expires),
                config.idleTimeout().toMillis(), Instant.ofEpochMilli(now), limit, 0, 0, null);
    }

    private static Integer lower(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Integer.valueOf(Math.min(a, b));
    }

    /**
     * The live session with this id.
     *
     * @throws ApiException 401 {@code session_invalid} (unknown or ended) or {@code session_expired}
     */
    public SessionRecord live(String sessionId) {
        if (!RandomIds.wellFormed(sessionId)) {
            throw new ApiException(401, ErrorCodes.SESSION_INVALID, "the session id is malformed or unknown");
        }
        SessionRecord session = db.inTransaction(connection -> find(connection, sessionId))
                .orElseThrow(() -> new ApiException(401, ErrorCodes.SESSION_INVALID, "no such session"));
        if (session.endedAt() != null) {
            throw new ApiException(401, ErrorCodes.SESSION_INVALID, "the session has ended (logged out or closed)");
        }
        long now = clock.millis();
        if (now >= session.expiresAt().toEpochMilli()) {
            throw new ApiException(401, ErrorCodes.SESSION_EXPIRED, "the session has expired; log in again");
        }
        if (now - session.lastUsedAt().toEpochMilli() >= session.idleTimeoutMillis()) {
            throw new ApiException(401, ErrorCodes.SESSION_EXPIRED, "the session was idle too long; log in again");
        }
        if (session.requestLimit() != null && session.requestCount() >= session.requestLimit()) {
            throw new ApiException(403, ErrorCodes.REQUEST_LIMIT_REACHED,
                    "the session has used its " + session.requestLimit() + " request(s); log in again");
        }
        return session;
    }

    public Optional<SessionRecord> find(Connection connection, String sessionId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM sessions WHERE session_id = ?")) {
            select.setString(1, sessionId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long limit = row.getLong(9);
                Integer requestLimit = row.wasNull() ? null : Integer.valueOf((int) limit);
                long ended = row.getLong(12);
                Instant endedAt = row.wasNull() ? null : Instant.ofEpochMilli(ended);
                return Optional.of(new SessionRecord(row.getString(1), row.getString(2), row.getString(3),
                        SessionKind.of(row.getString(4)), Instant.ofEpochMilli(row.getLong(5)),
                        Instant.ofEpochMilli(row.getLong(6)), row.getLong(7), Instant.ofEpochMilli(row.getLong(8)),
                        requestLimit, row.getLong(10), row.getLong(11), endedAt));
            }
        }
    }

    /** The session's channel keys; the caller closes them. */
    public ChannelKeys keys(String sessionId) {
        byte[] wrapped = db.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT keys_wrapped FROM sessions WHERE session_id = ?")) {
                select.setString(1, sessionId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new ApiException(401, ErrorCodes.SESSION_INVALID, "no such session");
                    }
                    return row.getBytes(1);
                }
            }
        });
        byte[] both = rootLock.unwrap(wrapped, aad(sessionId));
        try {
            return ChannelKeys.fromBytes(both);
        } finally {
            Bytes.zeroize(both);
        }
    }

    /**
     * Accepts {@code seq} for the session once, in one transaction (see the class comment), counting the
     * request and refreshing the idle timer. Called only for a body that has already authenticated, so
     * nobody without the channel key can use up a seq or a request.
     *
     * @return the session as counted (request_count includes this request)
     * @throws ApiException {@code seq_replayed} (409), {@code request_limit_reached} (403),
     *     {@code session_expired} / {@code session_invalid} (401)
     */
    public SessionRecord consume(String sessionId, long seq) {
        long now = clock.millis();
        return db.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO session_seqs (session_id, seq) VALUES (?, ?) ON CONFLICT (session_id, seq) DO NOTHING")) {
                insert.setString(1, sessionId);
                insert.setLong(2, seq);
                if (insert.executeUpdate() == 0) {
                    throw new ApiException(409, ErrorCodes.SEQ_REPLAYED, "sequence number " + seq + " was already used");
                }
            }
            int updated;
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE sessions SET highest_seq = CASE WHEN highest_seq < ? THEN ? ELSE highest_seq END,"
                            + " request_count = request_count + 1, last_used_ms = ?"
                            + " WHERE session_id = ? AND ended_ms IS NULL AND expires_ms > ? AND last_used_ms + idle_timeout_ms > ?"
                            + " AND highest_seq - ? <= ? AND (request_limit IS NULL OR request_count < request_limit)")) {
                update.setLong(1, seq);
                update.setLong(2, seq);
                update.setLong(3, now);
                update.setString(4, sessionId);
                update.setLong(5, now);
                update.setLong(6, now);
                update.setLong(7, seq);
                update.setLong(8, SealedChannel.REPLAY_WINDOW);
                updated = update.executeUpdate();
            }
            SessionRecord session = find(connection, sessionId)
                    .orElseThrow(() -> new ApiException(401, ErrorCodes.SESSION_INVALID, "no such session"));
            if (updated == 0) {
                // Rolled back with the seq insert: nothing changes. Say why.
                if (session.endedAt() != null) {
                    throw new ApiException(401, ErrorCodes.SESSION_INVALID, "the session has ended (logged out or closed)");
                }
                if (now >= session.expiresAt().toEpochMilli()
                        || now - session.lastUsedAt().toEpochMilli() >= session.idleTimeoutMillis()) {
                    throw new ApiException(401, ErrorCodes.SESSION_EXPIRED, "the session has expired; log in again");
                }
                if (session.highestSeq() - seq > SealedChannel.REPLAY_WINDOW) {
                    throw new ApiException(409, ErrorCodes.SEQ_REPLAYED, "sequence number " + seq
                            + " is more than " + SealedChannel.REPLAY_WINDOW + " below the highest seen");
                }
                throw new ApiException(403, ErrorCodes.REQUEST_LIMIT_REACHED,
                        "the session has used its " + session.requestLimit() + " request(s); log in again");
            }
            // Seqs that fell out of the window are refused by the highest_seq test alone; forget them.
            try (PreparedStatement prune = connection.prepareStatement(
                    "DELETE FROM session_seqs WHERE session_id = ? AND seq < ?")) {
                prune.setString(1, sessionId);
                prune.setLong(2, session.highestSeq() - SealedChannel.REPLAY_WINDOW);
                prune.executeUpdate();
            }
            return session;
        });
    }

    /** Sessions expired for a day are deleted with their seqs: nothing can use them, and nothing reads them. */
    private static void forgetExpired(Connection connection, long now) throws SQLException {
        long cutoff = now - java.time.Duration.ofDays(1).toMillis();
        try (PreparedStatement seqs = connection.prepareStatement("DELETE FROM session_seqs WHERE session_id IN"
                + " (SELECT session_id FROM sessions WHERE expires_ms < ?)");
             PreparedStatement rows = connection.prepareStatement("DELETE FROM sessions WHERE expires_ms < ?")) {
            seqs.setLong(1, cutoff);
            seqs.executeUpdate();
            rows.setLong(1, cutoff);
            rows.executeUpdate();
        }
    }

    /** Ends one session (in the caller's transaction). */
    public int end(Connection connection, String sessionId) throws SQLException {
        try (PreparedStatement seqs = connection.prepareStatement("DELETE FROM session_seqs WHERE session_id = ?")) {
            seqs.setString(1, sessionId); // an ended session accepts nothing, so its window is no longer needed
            seqs.executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE sessions SET ended_ms = ? WHERE session_id = ? AND ended_ms IS NULL")) {
            update.setLong(1, clock.millis());
            update.setString(2, sessionId);
            return update.executeUpdate();
        }
    }

    /** Ends every live session of an account except {@code exceptSessionId} (null: all of them). */
    public int endAll(Connection connection, String org, String userKey, String exceptSessionId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE sessions SET ended_ms = ? WHERE org = ? AND user_key = ? AND ended_ms IS NULL AND session_id <> ?")) {
            update.setLong(1, clock.millis());
            update.setString(2, org);
            update.setString(3, userKey);
            update.setString(4, exceptSessionId == null ? "" : exceptSessionId);
            return update.executeUpdate();
        }
    }

    private static byte[] aad(String sessionId) {
        return ("keyward/v1/session-keys\n" + sessionId).getBytes(StandardCharsets.UTF_8);
    }
}
