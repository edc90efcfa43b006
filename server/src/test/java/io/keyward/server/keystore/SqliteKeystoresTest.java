package io.keyward.server.keystore;

/** {@link KeystoresIntegrationTest} on the embedded SQLite database. */
class SqliteKeystoresTest extends KeystoresIntegrationTest {
    @Override
    boolean postgres() {
        return false;
    }
}
