package io.keyward.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the node's database: connects, applies the Flyway migrations of its kind
 * ({@code db/migration/sqlite} or {@code db/migration/postgresql}) and returns it. See
 * docs/storage.md.
 */
public final class Databases {
    /** How long SQLite waits for another process's write lock, and the pool for a free connection. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final long CONNECTION_TIMEOUT_MILLIS = 10_000;

    private Databases() {}

    /**
     * Connects and migrates.
     *
     * @throws StoreException with a one-line message naming what failed (no password)
     */
    public static Database open(StorageSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (settings.maxPoolSize() < 1) {
            throw new StoreException("storage max pool size must be 1 or more, not " + settings.maxPoolSize());
        }
        return settings.usesSqlite() ? openSqlite(settings) : openPostgres(settings);
    }

    private static Database openSqlite(StorageSettings settings) {
        if (settings.dataDir() == null) {
            throw new StoreException("storage needs a data directory for SQLite");
        }
        Path file = settings.sqliteFile().toAbsolutePath();
        String where = "SQLite database " + file;
        createPrivately(settings.dataDir(), file, where);

        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        // Wrapped keys must survive power loss once their creation was acknowledged.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + file);

        probe(sqlite::getConnection, where);
        HikariConfig pool = poolConfig("keyward-sqlite", settings.maxPoolSize());
        pool.setDataSource(sqlite);
        HikariDataSource dataSource = startPool(pool, where);
        try {
            String journalMode = queryString(dataSource, "PRAGMA journal_mode");
            if (!"wal".equals(journalMode.toLowerCase(Locale.ROOT))) {
                throw new StoreException("cannot open " + where + ": WAL journal mode is unavailable (got "
                        + journalMode + "); is it on a network file system?");
            }
        } catch (SQLException e) {
            dataSource.close();
            throw new StoreException("cannot open " + where + ": " + rootMessage(e), e);
        } catch (StoreException e) {
            dataSource.close();
            throw e;
        }
        return migrate(new JdbcDatabase(Database.Kind.SQLITE, dataSource), "sqlite", where);
    }

    private static Database openPostgres(StorageSettings settings) {
        String url = settings.jdbcUrl().strip();
        String where = "PostgreSQL at " + settings.redactedJdbcUrl().strip();
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new StoreException("storage JDBC URL must start with jdbc:postgresql: (or be empty for SQLite in"
                    + " the data directory), not " + settings.redactedJdbcUrl().strip());
        }
        Properties properties = new Properties();
        // Keep row values out of exception messages (see SqlErrors).
        properties.setProperty("logServerErrorDetail", "false");
        properties.setProperty("ApplicationName", "keyward");
        properties.setProperty("connectTimeout", String.valueOf(CONNECTION_TIMEOUT_MILLIS / 1000));
        HikariConfig pool = poolConfig("keyward-postgresql", settings.maxPoolSize());
        pool.setDriverClassName("org.postgresql.Driver");
        pool.setJdbcUrl(url);
        pool.setDataSourceProperties(properties);
        Properties probeProperties = new Properties();
        probeProperties.putAll(properties);
        if (settings.username() != null && !settings.username().isBlank()) {
            pool.setUsername(settings.username());
            probeProperties.setProperty("user", settings.username());
        }
        if (settings.password() != null && !settings.password().isEmpty()) {
            pool.setPassword(settings.password());
            probeProperties.setProperty("password", settings.password());
        }
        probe(() -> {
            Connection connection = new org.postgresql.Driver().connect(url, probeProperties);
            if (connection == null) {
                throw new SQLException("the PostgreSQL driver does not accept this URL");
            }
            return connection;
        }, where);
        HikariDataSource dataSource = startPool(pool, where);
        return migrate(new JdbcDatabase(Database.Kind.POSTGRES, dataSource), "postgresql", where);
    }

    private static HikariConfig poolConfig(String name, int maxPoolSize) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName(name);
        pool.setMaximumPoolSize(maxPoolSize);
        pool.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        // Fail at start, with the reason, when the first connection cannot be made.
        pool.setInitializationFailTimeout(1);
        pool.setAutoCommit(true);
        return pool;
    }

    /**
     * Makes one connection outside the pool first, so that an unreachable or unusable database is
     * reported in one line by us, rather than by the pool's stack-trace log at ERROR level.
     */
    private static void probe(ConnectionSource source, String where) {
        try (Connection connection = source.connect()) {
            connection.isValid(5);
        } catch (SQLException | RuntimeException e) {
            throw new StoreException("cannot open " + where + ": " + rootMessage(e), e);
        }
    }

    @FunctionalInterface
    private interface ConnectionSource {
        Connection connect() throws SQLException;
    }

    private static HikariDataSource startPool(HikariConfig pool, String where) {
        try {
            return new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open " + where + ": " + rootMessage(e), e);
        }
    }

    private static Database migrate(JdbcDatabase database, String kindFolder, String where) {
        try {
            Flyway.configure()
                    .dataSource(database.dataSource())
                    .locations("classpath:db/migration/" + kindFolder)
                    .failOnMissingLocations(true)
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
            return database;
        } catch (FlywayException | StoreException e) {
            database.close();
            throw new StoreException("cannot migrate " + where + ": " + rootMessage(e), e);
        }
    }

    /**
     * Creates the data directory (0700) and an empty database file (0600) when absent, so that the
     * file and the WAL and shared-memory files SQLite derives from it are private from creation.
     */
    private static void createPrivately(Path dataDir, Path file, String where) {
        try {
            if (!Files.isDirectory(dataDir)) {
                Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            if (!Files.exists(file)) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                } catch (FileAlreadyExistsException raced) {
                    // Another opener created it first; fine.
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new StoreException("cannot open " + where + ": " + rootMessage(e), e);
        }
    }

    private static String queryString(HikariDataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? String.valueOf(rows.getString(1)) : "";
        }
    }

    /** The innermost message, on one line: what the operator needs ("Connection refused", "permission denied"). */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            message = root.getClass().getSimpleName();
        }
        return message.strip().lines().findFirst().orElse(message).strip();
    }
}
