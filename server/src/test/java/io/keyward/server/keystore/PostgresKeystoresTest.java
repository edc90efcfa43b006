package io.keyward.server.keystore;

/** {@link KeystoresIntegrationTest} on PostgreSQL (a database of its own in the shared embedded server). */
class PostgresKeystoresTest extends KeystoresIntegrationTest {
    @Override
    boolean postgres() {
        return true;
    }
}
