package io.keyward.server.secret;

/** {@link SecretStorageIntegrationTest} on the embedded SQLite default. */
class SqliteSecretStorageTest extends SecretStorageIntegrationTest {
    @Override
    boolean postgres() {
        return false;
    }
}
