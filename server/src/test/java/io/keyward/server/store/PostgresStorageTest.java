package io.keyward.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.server.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PostgresStorageTest extends StorageContractTest {
    @Override
    protected StorageSettings newDatabaseSettings() {
        return TestDatabases.postgresSettings();
    }

    @Override
    protected Database.Kind expectedKind() {
        return Database.Kind.POSTGRES;
    }

    @Test
    void refusesAnUnreachableServerInOneLineWithoutThePassword() {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        StorageSettings unreachable = new StorageSettings(
                "jdbc:postgresql://127.0.0.1:1/keyward?password=url-secret", null, "keyward", "pw-secret", 2);
        assertThatThrownBy(() -> Databases.open(unreachable))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot open PostgreSQL at jdbc:postgresql://127.0.0.1:1/keyward?password=***: ")
                .hasMessageNotContaining("url-secret")
                .hasMessageNotContaining("pw-secret")
                .hasMessageNotContaining("\n");
    }

    @Test
    void refusesOtherJdbcUrls() {
        assertThatThrownBy(() -> Databases.open(
                        new StorageSettings("jdbc:mysql://db/keyward", Path.of("x"), null, null, 2)))
                .hasMessage("storage JDBC URL must start with jdbc:postgresql: (or be empty for SQLite in the data"
                        + " directory), not jdbc:mysql://db/keyward");
    }

    @Test
    void settingsToStringMasksPasswords() {
        StorageSettings s = new StorageSettings(
                "jdbc:postgresql://db/k?user=a&password=url-secret&sslpassword=x2", Path.of("/data"), "a", "pw", 5);
        assertThat(s.toString())
                .isEqualTo("StorageSettings[jdbcUrl=jdbc:postgresql://db/k?user=a&password=***&sslpassword=***,"
                        + " dataDir=/data, username=a, password=***, maxPoolSize=5]");
    }
}
