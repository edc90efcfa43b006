package io.keyward.server.audit;

import io.keyward.server.store.StorageSettings;
import io.keyward.server.testing.TestDatabases;

class PostgresAuditHookTest extends AuditHookTest {
    @Override
    String[] storage() {
        StorageSettings pg = TestDatabases.postgresSettings();
        return new String[] {"STORAGE_JDBC_URL", pg.jdbcUrl(), "STORAGE_USERNAME", pg.username()};
    }
}
