package io.keyward.server.account;

import java.nio.file.Path;

/** {@link AccountsIntegrationTest} on two nodes sharing one PostgreSQL database (requests go to either). */
class PostgresAccountsTest extends AccountsIntegrationTest {
    @Override
    TestCluster start(Path dir) {
        return TestCluster.postgres(dir, 2, CONFIG);
    }
}
