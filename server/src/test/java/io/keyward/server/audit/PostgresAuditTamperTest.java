package io.keyward.server.audit;

import io.keyward.server.store.StorageSettings;
import io.keyward.server.testing.TestDatabases;

class PostgresAuditTamperTest extends AuditTamperContractTest {
    @Override
    protected StorageSettings newDatabaseSettings() {
        return TestDatabases.postgresSettings();
    }
}
