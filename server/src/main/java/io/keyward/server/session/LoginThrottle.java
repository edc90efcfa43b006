package io.keyward.server.session;

import io.keyward.server.config.RateLimitConfig;
import io.keyward.server.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Failed-login limits per account and per client address, in the table {@code login_throttles} so that
 * every node sees the same counts.
 *
 * <p>Every OPAQUE login start tests exactly one password guess (the KE2 answers one blinded password),
 * so a login counts as failed from its start until it succeeds: an attacker who never sends KE3 is
 * counted as well. When a key reaches its threshold within the window, each further counted attempt
 * blocks the key for {@code base_delay * 2^(failures - threshold)}, capped at {@code max_delay}; blocked
 * attempts are refused with 429 and are not counted. A successful login clears the account's counter and
 * takes its own attempt back from the address counter.
 */
public final class LoginThrottle {
    private final Database db;
    private final RateLimitConfig config;
    private final Clock clock;

    public LoginThrottle(Database db, RateLimitConfig config, Clock clock) {
        this.db = db;
        this.config = config;
        this.clock = clock;
    }

    public static String accountKey(String org, String userKey) {
        return "account:" + org + "/" + userKey;
    }

    public static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }

    /** Refuses (429) when either key is blocked now; reads only, so a refused attempt costs no write. */
    public void check(String accountKey, String addressKey) {
        db.inTransaction(connection -> {
            long now = clock.millis();
            long until = Math.max(blockedUntil(connection, accountKey), blockedUntil(connection, addressKey));
            if (until > now) {
                throw new RateLimitedException(Math.max(1, (until - now + 999) / 1000));
            }
            return null;
        });
    }

    /** Counts one attempt against both keys inside the caller's transaction, refusing it if either is blocked. */
    public void attempt(Connection connection, String accountKey, String addressKey) throws SQLException {
        long now = clock.millis();
        long until = Math.max(blockedUntil(connection, accountKey), blockedUntil(connection, addressKey));
        if (until > now) {
            throw new RateLimitedException(Math.max(1, (until - now + 999) / 1000));
        }
        try (PreparedStatement forget = connection.prepareStatement(
                "DELETE FROM login_throttles WHERE window_start_ms < ? AND blocked_until_ms < ?")) {
            forget.setLong(1, now - config.window().toMillis());
            forget.setLong(2, now);
            forget.executeUpdate(); // counts whose window has passed mean nothing any more
        }
        count(connection, accountKey, config.accountFailures(), now);
        count(connection, addressKey, config.addressFailures(), now);
    }

    /** A login succeeded: the account starts afresh, and the address gets this attempt back. */
    public void succeeded(Connection connection, String accountKey, String addressKey) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM login_throttles WHERE throttle_key = ?")) {
            delete.setString(1, accountKey);
            delete.executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE login_throttles SET failures = failures - 1 WHERE throttle_key = ? AND failures > 0")) {
            update.setString(1, addressKey);
            update.executeUpdate();
        }
    }

    /**
     * Read-modify-write under a row lock: the row is created first if absent, then locked
     * ({@code FOR UPDATE} on PostgreSQL; SQLite transactions already hold the single write lock), so
     * concurrent attempts on several nodes never lose a count.
     */
    private void count(Connection connection, String key, int threshold, long now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO login_throttles (throttle_key, failures, window_start_ms, blocked_until_ms) VALUES (?, 0, ?, 0)"
                        + " ON CONFLICT (throttle_key) DO NOTHING")) {
            insert.setString(1, key);
            insert.setLong(2, now);
            insert.executeUpdate();
        }
        long failures = 0;
        long windowStart = now;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT failures, window_start_ms FROM login_throttles WHERE throttle_key = ?"
                        + (db.kind() == Database.Kind.POSTGRES ? " FOR UPDATE" : ""))) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (row.next() && now - row.getLong(2) < config.window().toMillis()) {
                    failures = row.getLong(1);
                    windowStart = row.getLong(2);
                }
            }
        }
        failures++;
        long blockedUntil = 0;
        if (failures >= threshold) {
            long exponent = Math.min(failures - threshold, 40);
            long delay = Math.min(config.baseDelay().toMillis() << exponent, config.maxDelay().toMillis());
            blockedUntil = now + (delay <= 0 ? config.maxDelay().toMillis() : delay);
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE login_throttles SET failures = ?, window_start_ms = ?, blocked_until_ms = ? WHERE throttle_key = ?")) {
            update.setLong(1, failures);
            update.setLong(2, windowStart);
            update.setLong(3, blockedUntil);
            update.setString(4, key);
            update.executeUpdate();
        }
    }

    private static long blockedUntil(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT blocked_until_ms FROM login_throttles WHERE throttle_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }
}
