package io.keyward.server.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.server.store.Database;
import io.keyward.server.store.ServerSettings;
import io.keyward.server.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RootLockCheckTest {
    @TempDir
    Path dir;

    private Database db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private ServerSettings settings(String kind) {
        db = kind.equals("sqlite") ? TestDatabases.sqlite(dir.resolve("data")) : TestDatabases.postgres();
        return new ServerSettings(db);
    }

    private KeyFileRootLock newLock(String name) {
        Path file = dir.resolve(name);
        KeyFileRootLock.createKeyFile(file);
        return KeyFileRootLock.open(file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void recordsOnFirstStartAndAcceptsTheSameKeyLater(String kind) {
        ServerSettings settings = settings(kind);
        try (KeyFileRootLock lock = newLock("root.key")) {
            RootLockCheck.verifyOrRecord(lock, settings);
            String recorded = settings.get(RootLockCheck.SETTING).orElseThrow();

            RootLockCheck.verifyOrRecord(lock, settings);
            assertThat(settings.get(RootLockCheck.SETTING)).contains(recorded);
        }
        try (KeyFileRootLock reopened = KeyFileRootLock.open(dir.resolve("root.key"))) {
            RootLockCheck.verifyOrRecord(reopened, settings);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void refusesAnotherKeyWithoutChangingTheDatabase(String kind) {
        ServerSettings settings = settings(kind);
        try (KeyFileRootLock right = newLock("right.key"); KeyFileRootLock wrong = newLock("wrong.key")) {
            RootLockCheck.verifyOrRecord(right, settings);
            settings.put("some_other_setting", "value");
            Map<String, String> before = snapshot();

            assertThatThrownBy(() -> RootLockCheck.verifyOrRecord(wrong, settings))
                    .isInstanceOf(RootLockException.class)
                    .hasMessage("root key does not match this database");

            assertThat(snapshot()).isEqualTo(before);
            RootLockCheck.verifyOrRecord(right, settings);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite"})
    void refusesAMalformedCheckValue(String kind) {
        ServerSettings settings = settings(kind);
        settings.put(RootLockCheck.SETTING, "not base64!");
        try (KeyFileRootLock lock = newLock("root.key")) {
            assertThatThrownBy(() -> RootLockCheck.verifyOrRecord(lock, settings))
                    .hasMessage("root key check value in this database is malformed");
            settings.put(RootLockCheck.SETTING, "AQID");
            assertThatThrownBy(() -> RootLockCheck.verifyOrRecord(lock, settings))
                    .hasMessage("root key check value in this database is malformed");
        }
        assertThat(settings.get(RootLockCheck.SETTING)).contains("AQID");
    }

    private Map<String, String> snapshot() {
        return db.inTransaction(c -> {
            Map<String, String> rows = new TreeMap<>();
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT name, value FROM server_settings")) {
                while (r.next()) {
                    rows.put(r.getString(1), r.getString(2));
                }
            }
            return rows;
        });
    }
}
