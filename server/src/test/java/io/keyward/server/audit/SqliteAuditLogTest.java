package io.keyward.server.audit;

import io.keyward.server.store.StorageSettings;
import io.keyward.server.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteAuditLogTest extends AuditLogContractTest {
    @TempDir
    Path dir;

    @Override
    protected StorageSettings newDatabaseSettings() {
        return TestDatabases.sqliteSettings(dir);
    }
}
