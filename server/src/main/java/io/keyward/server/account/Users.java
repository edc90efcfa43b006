package io.keyward.server.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The {@code users} table. */
final class Users {
    private Users() {}

    static Optional<UserRecord> find(Connection connection, String org, String userKey) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT user_id, record, status, role, key_bundle"
                + " FROM users WHERE org = ? AND user_key = ?")) {
            select.setString(1, org);
            select.setString(2, userKey);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new UserRecord(org, userKey, row.getString(1), row.getBytes(2), row.getString(3),
                        row.getString(4), row.getBytes(5)));
            }
        }
    }

    static boolean exists(Connection connection, String org, String userKey) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM users WHERE org = ? AND user_key = ?")) {
            select.setString(1, org);
            select.setString(2, userKey);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }
}
