package io.keyward.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;

/**
 * Node-wide named values in the table {@code server_settings(name primary key, value)}: the root
 * key check, the admin token hash, and the like. Each call is one transaction, or joins the
 * caller's when made inside {@link Database#inTransaction}.
 */
public final class ServerSettings {
    private final Database db;

    public ServerSettings(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    public Optional<String> get(String name) {
        requireName(name);
        return db.inTransaction(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT value FROM server_settings WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Sets the value, replacing any earlier one. */
    public void put(String name, String value) {
        requireName(name);
        Objects.requireNonNull(value, "value");
        db.inTransaction(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO server_settings (name, value) VALUES (?, ?)"
                            + " ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
                upsert.setString(1, name);
                upsert.setString(2, value);
                return upsert.executeUpdate();
            }
        });
    }

    /**
     * Sets the value only if the name has none yet; atomic against concurrent callers on every node.
     *
     * @return true if this call stored the value, false if the name already had one (left unchanged)
     */
    public boolean putIfAbsent(String name, String value) {
        requireName(name);
        Objects.requireNonNull(value, "value");
        return db.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO server_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                insert.setString(1, name);
                insert.setString(2, value);
                return insert.executeUpdate() == 1;
            }
        });
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("setting name must not be blank");
        }
    }
}
