package io.keyward.server.secret;

/** {@link SecretStorageIntegrationTest} on PostgreSQL (the embedded server shared by the JVM's tests). */
class PostgresSecretStorageTest extends SecretStorageIntegrationTest {
    @Override
    boolean postgres() {
        return true;
    }
}
