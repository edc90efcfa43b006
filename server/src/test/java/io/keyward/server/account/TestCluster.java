package io.keyward.server.account;

import io.keyward.client.KeywardClient;
import io.keyward.client.ServerTrust;
import io.keyward.protocol.account.CreateOrgRequest;
import io.keyward.protocol.account.CreateOrgResponse;
import io.keyward.server.KeywardNode;
import io.keyward.server.StartReport;
import io.keyward.server.store.Database;
import io.keyward.server.store.Databases;
import io.keyward.server.store.StorageSettings;
import io.keyward.server.testing.MutableClock;
import io.keyward.server.testing.TestDatabases;
import io.keyward.server.testing.TestNodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-process nodes for the account tests: one node on SQLite, or several nodes sharing one PostgreSQL
 * database and root key; a clock the tests move; the admin token; a database handle to check stored state.
 */
final class TestCluster implements AutoCloseable {
    /** Cheap enough for tests; the production default costs 64 MiB and three passes per login. */
    static final String CHEAP_KSF = "argon2id(m=1024,t=1,p=1)";
    private static final AtomicInteger NEXT_ORG = new AtomicInteger();

    enum Kind { SQLITE, POSTGRES }

    final Kind kind;
    final MutableClock clock = new MutableClock(Instant.now());
    final List<KeywardNode> nodes = new ArrayList<>();
    final String adminToken;
    final Database db;

    private TestCluster(Kind kind, Path dir, int count, String... extra) {
        this.kind = kind;
        List<String> storage = new ArrayList<>(List.of("ACCOUNTS_DEFAULT_ORG_KSF", CHEAP_KSF));
        StorageSettings pg = kind == Kind.POSTGRES ? TestDatabases.postgresSettings() : null;
        if (pg != null) {
            storage.addAll(List.of("STORAGE_JDBC_URL", pg.jdbcUrl(), "STORAGE_USERNAME", pg.username()));
        }
        storage.addAll(List.of(extra));
        String token = null;
        try {
            for (int i = 0; i < count; i++) {
                Path data = dir.resolve("node-" + i);
                if (i > 0) {
                    Files.createDirectories(data);
                    Files.copy(dir.resolve("node-0").resolve("root.key"), data.resolve("root.key"));
                    Files.setPosixFilePermissions(data.resolve("root.key"), PosixFilePermissions.fromString("rw-------"));
                }
                KeywardNode node = new KeywardNode(TestNodes.config(data, storage.toArray(String[]::new)), List.of(), clock);
                StartReport report = node.start();
                nodes.add(node);
                if (i == 0) {
                    token = report.adminToken().orElseThrow();
                }
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
        this.adminToken = token;
        this.db = Databases.open(pg != null ? pg : TestDatabases.sqliteSettings(dir.resolve("node-0")));
    }

    static TestCluster sqlite(Path dir, String... extra) {
        return new TestCluster(Kind.SQLITE, dir, 1, extra);
    }

    static TestCluster postgres(Path dir, int nodes, String... extra) {
        return new TestCluster(Kind.POSTGRES, dir, nodes, extra);
    }

    KeywardNode node(int i) {
        return nodes.get(i);
    }

    URI url(int i) {
        return URI.create("https://127.0.0.1:" + nodes.get(i).port());
    }

    KeywardClient client(int i) {
        return KeywardClient.connect(url(i), ServerTrust.pinned(nodes.get(i).fingerprint()));
    }

    /** A new org with a unique name and the cheap KSF. */
    CreateOrgResponse createOrg(String registration, String suite) {
        try (KeywardClient client = client(0)) {
            return client.createOrg(adminToken, new CreateOrgRequest("org-" + NEXT_ORG.incrementAndGet() + "-" + kind.name().toLowerCase(),
                    suite, registration, CHEAP_KSF));
        }
    }

    /** An open org, already bootstrapped by an owner, so that anyone registers. */
    String openOrg() {
        return openOrg("ristretto255-sha512");
    }

    String openOrg(String suite) {
        CreateOrgResponse org = createOrg("open", suite);
        try (KeywardClient client = client(0)) {
            client.bootstrap(org.org(), "owner", "owner password".toCharArray(), org.bootstrapToken(), null);
        }
        return org.org();
    }

    long count(String sql, Object... args) {
        return db.inTransaction(connection -> {
            try (PreparedStatement select = prepare(connection, sql, args); ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }

    /** Row counts of every account and session table, to show that a refused request changed nothing. */
    String state() {
        StringBuilder out = new StringBuilder();
        for (String table : List.of("orgs", "org_tokens", "users", "devices", "pending_logins", "sessions", "session_seqs",
                "login_throttles")) {
            out.append(table).append('=').append(count("SELECT COUNT(*) FROM " + table)).append(' ');
        }
        out.append("seqs=").append(count("SELECT COALESCE(SUM(highest_seq), 0) FROM sessions"));
        out.append(" requests=").append(count("SELECT COALESCE(SUM(request_count), 0) FROM sessions"));
        out.append(" failures=").append(count("SELECT COALESCE(SUM(failures), 0) FROM login_throttles"));
        return out.toString();
    }

    @Override
    public void close() {
        for (KeywardNode node : nodes) {
            node.close();
        }
        if (db != null) {
            db.close();
        }
    }
}
