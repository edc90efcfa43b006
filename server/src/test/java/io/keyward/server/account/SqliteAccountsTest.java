package io.keyward.server.account;

import java.nio.file.Path;

/** {@link AccountsIntegrationTest} on one node with the embedded SQLite database. */
class SqliteAccountsTest extends AccountsIntegrationTest {
    @Override
    TestCluster start(Path dir) {
        return TestCluster.sqlite(dir, CONFIG);
    }
}
