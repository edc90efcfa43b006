package io.keyward.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.server.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStorageTest extends StorageContractTest {
    @TempDir
    Path dir;

    @Override
    protected StorageSettings newDatabaseSettings() {
        return TestDatabases.sqliteSettings(dir.resolve("data"));
    }

    @Override
    protected Database.Kind expectedKind() {
        return Database.Kind.SQLITE;
    }

    @Test
    void usesWalForeignKeysAndABusyTimeout() {
        assertThat(pragma(db, "journal_mode")).contains("wal");
        assertThat(pragma(db, "foreign_keys")).contains("1");
        assertThat(pragma(db, "busy_timeout")).contains(String.valueOf(Databases.BUSY_TIMEOUT_MILLIS));
        assertThat(pragma(db, "synchronous")).contains("2"); // FULL
    }

    @Test
    void createsAPrivateDataDirectoryAndFile() throws Exception {
        Path data = settings().dataDir();
        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(data.resolve("keyward.db")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void twoPoolsOnOneFileWriteWithoutBusyFailures() throws Exception {
        // Two openers of one file (as two processes would be) only share SQLite's own lock.
        Database other = open(settings());
        ServerSettings otherSettings = new ServerSettings(other);
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                ServerSettings target = t % 2 == 0 ? serverSettings : otherSettings;
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        target.put("t" + thread + "-" + i, "v");
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        assertThat(count("server_settings")).isEqualTo(200);
    }

    @Test
    void refusesAnUnusableDataDirectoryInOneLine() throws Exception {
        Path file = dir.resolve("not-a-directory");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> Databases.open(StorageSettings.sqlite(file)))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot open SQLite database " + file.resolve("keyward.db"))
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> Databases.open(new StorageSettings(null, null, null, null, 4)))
                .hasMessage("storage needs a data directory for SQLite");
        assertThatThrownBy(() -> Databases.open(new StorageSettings("", dir, null, null, 0)))
                .hasMessage("storage max pool size must be 1 or more, not 0");
    }

    @Test
    void refusesAFileThatIsNotADatabase() throws Exception {
        Path data = dir.resolve("garbage");
        Files.createDirectories(data);
        Files.writeString(data.resolve("keyward.db"), "this is not a SQLite database, just text long enough".repeat(20));
        assertThatThrownBy(() -> Databases.open(StorageSettings.sqlite(data)))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot ")
                .hasMessageContaining(data.resolve("keyward.db").toString())
                .hasMessageNotContaining("\n");
    }
}
