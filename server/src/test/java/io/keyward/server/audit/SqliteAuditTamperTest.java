package io.keyward.server.audit;

import io.keyward.server.store.StorageSettings;
import io.keyward.server.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteAuditTamperTest extends AuditTamperContractTest {
    @TempDir
    Path dir;

    @Override
    protected StorageSettings newDatabaseSettings() {
        return TestDatabases.sqliteSettings(dir);
    }
}
