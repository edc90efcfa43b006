package io.keyward.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The storage behaviour every database kind must show. {@link SqliteStorageTest} and
 * {@link PostgresStorageTest} run it against SQLite and a real PostgreSQL server.
 */
abstract class StorageContractTest {
    private final List<Database> opened = new ArrayList<>();
    private StorageSettings settings;
    protected Database db;
    protected ServerSettings serverSettings;

    /** Settings for a new, empty database of the kind under test. */
    protected abstract StorageSettings newDatabaseSettings();

    protected abstract Database.Kind expectedKind();

    @BeforeEach
    void openFreshDatabase() {
        settings = newDatabaseSettings();
        db = open(settings);
        serverSettings = new ServerSettings(db);
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Database::close);
    }

    protected Database open(StorageSettings s) {
        Database database = Databases.open(s);
        opened.add(database);
        return database;
    }

    protected StorageSettings settings() {
        return settings;
    }

    @Test
    void migrationsApply() {
        assertThat(db.kind()).isEqualTo(expectedKind());
        assertThat(db.isUsable()).isTrue();
        List<String> applied = db.inTransaction(c -> {
            List<String> rows = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery(
                            "SELECT version, description, success FROM flyway_schema_history"
                                    + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
                while (r.next()) {
                    rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getBoolean(3));
                }
            }
            return rows;
        });
        assertThat(applied).startsWith("1 store server settings true");
        assertThat(count("server_settings")).isZero();
    }

    @Test
    void settingsPutGetAndPutIfAbsent() {
        assertThat(serverSettings.get("missing")).isEmpty();

        assertThat(serverSettings.putIfAbsent("a", "first")).isTrue();
        assertThat(serverSettings.putIfAbsent("a", "second")).isFalse();
        assertThat(serverSettings.get("a")).contains("first");

        serverSettings.put("a", "replaced");
        assertThat(serverSettings.get("a")).contains("replaced");
        serverSettings.put("b", "");
        assertThat(serverSettings.get("b")).contains("");
        assertThat(count("server_settings")).isEqualTo(2);

        assertThatThrownBy(() -> serverSettings.put(" ", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> serverSettings.put("c", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void commitsEverythingTheWorkWrote() {
        String result = db.inTransaction(c -> {
            insert(c, "one", "1");
            insert(c, "two", "2");
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(serverSettings.get("one")).contains("1");
        assertThat(serverSettings.get("two")).contains("2");
    }

    @Test
    void rollsBackEverythingWhenTheWorkThrows() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> db.inTransaction(c -> {
            insert(c, "one", "1");
            serverSettings.put("two", "2");
            throw boom;
        })).isSameAs(boom);
        assertThat(count("server_settings")).isZero();
    }

    @Test
    void rollsBackAndTranslatesSqlErrorsWithoutRowContents() {
        serverSettings.put("taken", "x");
        String secret = "s3cr3t-value-that-must-not-leak";
        assertThatThrownBy(() -> db.inTransaction(c -> {
            insert(c, "fresh", secret);
            insert(c, "taken", secret);
            return null;
        })).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.reason()).isEqualTo(StoreException.Reason.DUPLICATE_KEY);
            assertThat(e.getMessage()).startsWith("database transaction failed: duplicate key (")
                    .doesNotContain(secret).doesNotContain("taken").doesNotContain("\n");
            assertThat(e.getCause()).isNull();
        });
        assertThat(serverSettings.get("fresh")).isEmpty();
        assertThat(serverSettings.get("taken")).contains("x");
    }

    @Test
    void dataErrorsDoNotQuoteTheValue() {
        String secret = "not-a-number-s3cr3t";
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE numbers (n INTEGER NOT NULL CHECK (n > 0))");
            }
            return null;
        });
        assertThatThrownBy(() -> db.inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO numbers (n) VALUES (CAST(? AS INTEGER))")) {
                p.setString(1, secret);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO numbers (n) VALUES (?)")) {
                p.setInt(1, -5);
                p.executeUpdate();
            }
            return null;
        })).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.getMessage()).doesNotContain(secret).doesNotContain("-5");
            assertThat(e.getCause()).isNull();
        });
    }

    @Test
    void nestedTransactionsJoinTheOuterOneUnderASavepoint() {
        db.inTransaction(outer -> {
            insert(outer, "outer", "1");
            // Joins: sees the outer's uncommitted row, and its own write commits with the outer.
            assertThat(serverSettings.get("outer")).contains("1");
            serverSettings.put("inner-ok", "2");
            // A failing inner call undoes only its own writes.
            assertThatThrownBy(() -> db.inTransaction(inner -> {
                insert(inner, "inner-failed", "3");
                throw new IllegalArgumentException("inner");
            })).hasMessage("inner");
            assertThatThrownBy(() -> serverSettings.putIfAbsent(null, "x")).isInstanceOf(IllegalArgumentException.class);
            return null;
        });
        assertThat(serverSettings.get("outer")).contains("1");
        assertThat(serverSettings.get("inner-ok")).contains("2");
        assertThat(serverSettings.get("inner-failed")).isEmpty();

        assertThatThrownBy(() -> db.inTransaction(outer -> {
            serverSettings.put("nested-then-outer-fails", "x");
            throw new IllegalStateException("outer");
        })).hasMessage("outer");
        assertThat(serverSettings.get("nested-then-outer-fails")).isEmpty();
    }

    @Test
    void concurrentWritersAllSucceed() throws Exception {
        int threads = 8;
        int names = 50;
        AtomicInteger stored = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Void>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String value = "thread-" + t;
            writers.add(() -> {
                start.await();
                for (int i = 0; i < names; i++) {
                    if (serverSettings.putIfAbsent("name-" + i, value)) {
                        stored.incrementAndGet();
                    }
                }
                return null;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> writer : writers) {
                futures.add(pool.submit(writer));
            }
            start.countDown();
            for (Future<Void> future : futures) {
                future.get(); // rethrows any StoreException (e.g. SQLITE_BUSY) from a writer
            }
        }
        assertThat(stored.get()).isEqualTo(names);
        assertThat(count("server_settings")).isEqualTo(names);
    }

    @Test
    void concurrentTransactionsOfSeveralStatementsStayWhole() throws Exception {
        // Each transaction writes a pair of rows; a reader must never see half a pair.
        int threads = 8;
        int pairs = 25;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < pairs; i++) {
                        String key = thread + "-" + i;
                        db.inTransaction(c -> {
                            insert(c, "a-" + key, key);
                            insert(c, "b-" + key, key);
                            return null;
                        });
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        assertThat(count("server_settings")).isEqualTo(2L * threads * pairs);
    }

    @Test
    void concurrentReadThenWriteTransactionsAllSucceed() throws Exception {
        // Reading before writing is the pattern that fails at once with SQLITE_BUSY when a
        // deferred SQLite transaction must upgrade to a writer while another one commits.
        int threads = 8;
        int rounds = 25;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        String name = "rw-" + thread + "-" + i;
                        db.inTransaction(c -> {
                            long before = count("server_settings");
                            insert(c, name, String.valueOf(before));
                            return null;
                        });
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        assertThat(count("server_settings")).isEqualTo((long) threads * rounds);
    }

    @Test
    void reopeningKeepsTheData() {
        serverSettings.put("kept", "value");
        db.close();
        assertThat(db.isUsable()).isFalse();

        Database reopened = open(settings());
        assertThat(new ServerSettings(reopened).get("kept")).contains("value");
        // Migrations are not re-applied.
        int historyRows = reopened.inTransaction(c -> {
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '1'")) {
                r.next();
                return r.getInt(1);
            }
        });
        assertThat(historyRows).isEqualTo(1);
    }

    protected static void insert(java.sql.Connection c, String name, String value) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO server_settings (name, value) VALUES (?, ?)")) {
            p.setString(1, name);
            p.setString(2, value);
            p.executeUpdate();
        }
    }

    protected long count(String table) {
        return db.inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    protected static Optional<String> pragma(Database database, String name) {
        return database.inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + name)) {
                return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.<String>empty();
            }
        });
    }
}
