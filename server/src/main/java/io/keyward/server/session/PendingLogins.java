package io.keyward.server.session;

import io.keyward.crypto.opaque.ServerLoginState;
import io.keyward.crypto.util.Bytes;
import io.keyward.server.lock.RootLock;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Logins between KE2 and KE3, in the table {@code pending_logins}: the {@link ServerLoginState} (the
 * expected client MAC and the session key) wrapped by the root lock with AAD
 * {@code "keyward/v1/pending-login\n" || login_id}, for {@link #TTL}. {@link #take} deletes the row
 * whatever follows, so a KE3 is checked at most once.
 */
public final class PendingLogins {
    public static final Duration TTL = Duration.ofMinutes(2);

    /** A pending login as taken from the table. */
    public record Pending(String loginId, String org, String userKey, boolean knownUser, String client,
                          ServerLoginState state, boolean expired) {}

    private final RootLock rootLock;
    private final Clock clock;

    public PendingLogins(RootLock rootLock, Clock clock) {
        this.rootLock = rootLock;
        this.clock = clock;
    }

    /** Stores a pending login in the caller's transaction (and forgets expired ones). */
    public String put(Connection connection, String org, String userKey, boolean knownUser, String client,
            ServerLoginState state) throws SQLException {
        String id = RandomIds.next();
        long now = clock.millis();
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM pending_logins WHERE expires_ms <= ?")) {
            delete.setLong(1, now);
            delete.executeUpdate();
        }
        byte[] serialized = state.serialize();
        byte[] wrapped;
        try {
            wrapped = rootLock.wrap(serialized, aad(id));
        } finally {
            Bytes.zeroize(serialized);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pending_logins"
                + " (login_id, org, user_key, known_user, client, state_wrapped, expires_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, org);
            insert.setString(3, userKey);
            insert.setInt(4, knownUser ? 1 : 0);
            insert.setString(5, client);
            insert.setBytes(6, wrapped);
            insert.setLong(7, now + TTL.toMillis());
            insert.executeUpdate();
        }
        return id;
    }

    /** Deletes and returns the pending login of {@code org} with this id, if any (expired ones too, flagged). */
    public Optional<Pending> take(Connection connection, String org, String loginId) throws SQLException {
        Pending pending;
        try (PreparedStatement select = connection.prepareStatement("SELECT user_key, known_user, client, state_wrapped,"
                + " expires_ms FROM pending_logins WHERE login_id = ? AND org = ?")) {
            select.setString(1, loginId);
            select.setString(2, org);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                byte[] serialized = rootLock.unwrap(row.getBytes(4), aad(loginId));
                try {
                    pending = new Pending(loginId, org, row.getString(1), row.getInt(2) == 1, row.getString(3),
                            ServerLoginState.deserialize(serialized), row.getLong(5) <= clock.millis());
                } finally {
                    Bytes.zeroize(serialized);
                }
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM pending_logins WHERE login_id = ?")) {
            delete.setString(1, loginId);
            if (delete.executeUpdate() == 0) {
                return Optional.empty(); // a concurrent finish took it first
            }
        }
        return Optional.of(pending);
    }

    /** Forgets every pending login of an account (its record changed: they were computed from the old one). */
    public void dropAll(Connection connection, String org, String userKey) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM pending_logins WHERE org = ? AND user_key = ?")) {
            delete.setString(1, org);
            delete.setString(2, userKey);
            delete.executeUpdate();
        }
    }

    private static byte[] aad(String loginId) {
        return ("keyward/v1/pending-login\n" + loginId).getBytes(StandardCharsets.UTF_8);
    }
}
