package io.keyward.server.audit;

import io.keyward.server.store.StorageSettings;
import io.keyward.server.testing.TestDatabases;

class PostgresAuditLogTest extends AuditLogContractTest {
    @Override
    protected StorageSettings newDatabaseSettings() {
        return TestDatabases.postgresSettings();
    }
}
