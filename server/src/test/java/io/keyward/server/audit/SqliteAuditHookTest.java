package io.keyward.server.audit;

class SqliteAuditHookTest extends AuditHookTest {
    @Override
    String[] storage() {
        return new String[0];
    }
}
