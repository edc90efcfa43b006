package io.keyward.server.keystore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code keystores}, {@code keystore_keys}, {@code keystore_key_versions} and {@code keystore_grants} tables. */
final class KeystoreTables {
    private KeystoreTables() {}

    record KeystoreRow(String keystoreId, String org, String controller, String lockMode, byte[] lockWrapped,
                       String rootKeyId, long createdMs) {}

    record KeyRow(String keystoreId, String keyId, String type, boolean enabled, int latestVersion,
                  int minDecryptionVersion, long createdMs) {}

    record VersionRow(int version, byte[] sealedKey, byte[] publicKey, long createdMs) {}

    record GrantRow(String grantId, String keystoreId, String grantee, String keyId, List<String> operations,
                    long expiresMs, long createdMs) {}

    static void insertKeystore(Connection c, KeystoreRow row) throws SQLException {
        update(c, "INSERT INTO keystores (keystore_id, org, controller, lock_mode, lock_wrapped, root_key_id, created_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", row.keystoreId(), row.org(), row.controller(), row.lockMode(),
                row.lockWrapped(), row.rootKeyId(), row.createdMs());
    }

    static Optional<KeystoreRow> keystore(Connection c, String keystoreId) throws SQLException {
        try (PreparedStatement s = prepare(c, "SELECT keystore_id, org, controller, lock_mode, lock_wrapped, root_key_id,"
                + " created_ms FROM keystores WHERE keystore_id = ?", keystoreId); ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(keystoreRow(r)) : Optional.empty();
        }
    }

    static List<KeystoreRow> keystoresOf(Connection c, String org, String controller) throws SQLException {
        List<KeystoreRow> rows = new ArrayList<>();
        try (PreparedStatement s = prepare(c, "SELECT keystore_id, org, controller, lock_mode, lock_wrapped, root_key_id,"
                + " created_ms FROM keystores WHERE org = ? AND controller = ? ORDER BY created_ms, keystore_id", org,
                controller); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(keystoreRow(r));
            }
        }
        return rows;
    }

    static void deleteKeystore(Connection c, String keystoreId) throws SQLException {
        update(c, "DELETE FROM keystore_grants WHERE keystore_id = ?", keystoreId);
        update(c, "DELETE FROM keystore_key_versions WHERE keystore_id = ?", keystoreId);
        update(c, "DELETE FROM keystore_keys WHERE keystore_id = ?", keystoreId);
        update(c, "DELETE FROM keystores WHERE keystore_id = ?", keystoreId);
    }

    static int keyCount(Connection c, String keystoreId) throws SQLException {
        try (PreparedStatement s = prepare(c, "SELECT COUNT(*) FROM keystore_keys WHERE keystore_id = ?", keystoreId);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }

    static void insertKey(Connection c, KeyRow row) throws SQLException {
        update(c, "INSERT INTO keystore_keys (keystore_id, key_id, key_type, enabled, latest_version, min_decryption_version,"
                + " created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)", row.keystoreId(), row.keyId(), row.type(),
                row.enabled() ? 1 : 0, row.latestVersion(), row.minDecryptionVersion(), row.createdMs());
    }

    static Optional<KeyRow> key(Connection c, String keystoreId, String keyId) throws SQLException {
        try (PreparedStatement s = prepare(c, "SELECT keystore_id, key_id, key_type, enabled, latest_version,"
                + " min_decryption_version, created_ms FROM keystore_keys WHERE keystore_id = ? AND key_id = ?", keystoreId,
                keyId); ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(keyRow(r)) : Optional.empty();
        }
    }

    static List<KeyRow> keys(Connection c, String keystoreId) throws SQLException {
        List<KeyRow> rows = new ArrayList<>();
        try (PreparedStatement s = prepare(c, "SELECT keystore_id, key_id, key_type, enabled, latest_version,"
                + " min_decryption_version, created_ms FROM keystore_keys WHERE keystore_id = ? ORDER BY created_ms, key_id",
                keystoreId); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(keyRow(r));
            }
        }
        return rows;
    }

    /** Sets the key's state only if its latest version is still {@code expectedLatest} (no lost rotation). */
    static boolean updateKey(Connection c, KeyRow row, int expectedLatest) throws SQLException {
        return update(c, "UPDATE keystore_keys SET enabled = ?, latest_version = ?, min_decryption_version = ?"
                + " WHERE keystore_id = ? AND key_id = ? AND latest_version = ?", row.enabled() ? 1 : 0, row.latestVersion(),
                row.minDecryptionVersion(), row.keystoreId(), row.keyId(), expectedLatest) == 1;
    }

    static void deleteKey(Connection c, String keystoreId, String keyId) throws SQLException {
        update(c, "DELETE FROM keystore_grants WHERE keystore_id = ? AND key_id = ?", keystoreId, keyId);
        update(c, "DELETE FROM keystore_key_versions WHERE keystore_id = ? AND key_id = ?", keystoreId, keyId);
        update(c, "DELETE FROM keystore_keys WHERE keystore_id = ? AND key_id = ?", keystoreId, keyId);
    }

    static void insertVersion(Connection c, String keystoreId, String keyId, VersionRow row) throws SQLException {
        update(c, "INSERT INTO keystore_key_versions (keystore_id, key_id, version, sealed_key, public_key, created_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?)", keystoreId, keyId, row.version(), row.sealedKey(), row.publicKey(),
                row.createdMs());
    }

    static Optional<VersionRow> version(Connection c, String keystoreId, String keyId, int version) throws SQLException {
        try (PreparedStatement s = prepare(c, "SELECT version, sealed_key, public_key, created_ms FROM keystore_key_versions"
                + " WHERE keystore_id = ? AND key_id = ? AND version = ?", keystoreId, keyId, version);
                ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(new VersionRow(r.getInt(1), r.getBytes(2), r.getBytes(3), r.getLong(4)))
                    : Optional.empty();
        }
    }

    static List<VersionRow> versions(Connection c, String keystoreId, String keyId) throws SQLException {
        List<VersionRow> rows = new ArrayList<>();
        try (PreparedStatement s = prepare(c, "SELECT version, sealed_key, public_key, created_ms FROM keystore_key_versions"
                + " WHERE keystore_id = ? AND key_id = ? ORDER BY version", keystoreId, keyId); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(new VersionRow(r.getInt(1), r.getBytes(2), r.getBytes(3), r.getLong(4)));
            }
        }
        return rows;
    }

    static void insertGrant(Connection c, GrantRow row) throws SQLException {
        update(c, "INSERT INTO keystore_grants (grant_id, keystore_id, grantee, key_id, operations, expires_ms, created_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", row.grantId(), row.keystoreId(), row.grantee(), row.keyId(),
                String.join(",", row.operations()), row.expiresMs(), row.createdMs());
    }

    static List<GrantRow> grants(Connection c, String keystoreId) throws SQLException {
        return grantsWhere(c, "keystore_id = ?", keystoreId);
    }

    static List<GrantRow> grantsFor(Connection c, String keystoreId, String grantee) throws SQLException {
        return grantsWhere(c, "keystore_id = ? AND grantee = ?", keystoreId, grantee);
    }

    static boolean deleteGrant(Connection c, String keystoreId, String grantId) throws SQLException {
        return update(c, "DELETE FROM keystore_grants WHERE keystore_id = ? AND grant_id = ?", keystoreId, grantId) == 1;
    }

    private static List<GrantRow> grantsWhere(Connection c, String where, Object... args) throws SQLException {
        List<GrantRow> rows = new ArrayList<>();
        try (PreparedStatement s = prepare(c, "SELECT grant_id, keystore_id, grantee, key_id, operations, expires_ms, created_ms"
                + " FROM keystore_grants WHERE " + where + " ORDER BY created_ms, grant_id", args); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(new GrantRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        Arrays.asList(r.getString(5).split(",")), r.getLong(6), r.getLong(7)));
            }
        }
        return rows;
    }

    private static KeystoreRow keystoreRow(ResultSet r) throws SQLException {
        return new KeystoreRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getBytes(5), r.getString(6),
                r.getLong(7));
    }

    private static KeyRow keyRow(ResultSet r) throws SQLException {
        return new KeyRow(r.getString(1), r.getString(2), r.getString(3), r.getInt(4) == 1, r.getInt(5), r.getInt(6),
                r.getLong(7));
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, args)) {
            return s.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
        return s;
    }
}
