package io.keyward.server.store;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where the node keeps its data (see docs/storage.md).
 *
 * @param jdbcUrl a {@code jdbc:postgresql:} URL for PostgreSQL; {@code null} or blank means SQLite
 *     in {@code dataDir}
 * @param dataDir the node's data directory; the SQLite database is {@code dataDir/keyward.db}
 * @param username PostgreSQL user (ignored for SQLite)
 * @param password PostgreSQL password (ignored for SQLite); masked by {@link #toString()}
 * @param maxPoolSize connections in the pool, 1 or more
 */
public record StorageSettings(String jdbcUrl, Path dataDir, String username, String password, int maxPoolSize) {
    public static final int DEFAULT_MAX_POOL_SIZE = 10;
    public static final String SQLITE_FILE_NAME = "keyward.db";

    /** Query parameters whose value must never be printed, e.g. {@code ?password=...} or {@code sslpassword=...}. */
    private static final Pattern SECRET_URL_PARAMETER =
            Pattern.compile("(?i)([?&;][^=&;?]*(password|secret|token)[^=&;?]*=)[^&;]*");

    /** The embedded default: SQLite in {@code dataDir} with the default pool size. */
    public static StorageSettings sqlite(Path dataDir) {
        return new StorageSettings(null, dataDir, null, null, DEFAULT_MAX_POOL_SIZE);
    }

    public boolean usesSqlite() {
        return jdbcUrl == null || jdbcUrl.isBlank();
    }

    /** The SQLite database file; meaningful only when {@link #usesSqlite()}. */
    public Path sqliteFile() {
        return dataDir.resolve(SQLITE_FILE_NAME);
    }

    /** The JDBC URL with the values of password-like query parameters replaced by {@code ***}. */
    public String redactedJdbcUrl() {
        return jdbcUrl == null ? null : SECRET_URL_PARAMETER.matcher(jdbcUrl).replaceAll("$1***");
    }

    @Override
    public String toString() {
        return "StorageSettings[jdbcUrl=" + redactedJdbcUrl() + ", dataDir=" + dataDir + ", username=" + username
                + ", password=" + (password == null || password.isEmpty() ? "(none)" : "***")
                + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
