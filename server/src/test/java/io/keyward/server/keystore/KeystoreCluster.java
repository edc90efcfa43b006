package io.keyward.server.keystore;

import io.keyward.client.KeywardClient;
import io.keyward.client.ServerTrust;
import io.keyward.client.Session;
import io.keyward.crypto.util.Base64Url;
import io.keyward.protocol.account.CompleteAccountRequest;
import io.keyward.protocol.account.CreateOrgRequest;
import io.keyward.protocol.account.CreateOrgResponse;
import io.keyward.protocol.account.DeviceKeys;
import io.keyward.server.KeywardNode;
import io.keyward.server.store.Database;
import io.keyward.server.store.Databases;
import io.keyward.server.store.StorageSettings;
import io.keyward.server.testing.TestDatabases;
import io.keyward.server.testing.TestNodes;
import java.net.URI;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** One in-process node (SQLite or the shared PostgreSQL), an open org, and logged-in users. */
final class KeystoreCluster implements AutoCloseable {
    static final String CHEAP_KSF = "argon2id(m=1024,t=1,p=1)";
    private static final AtomicInteger NEXT_ORG = new AtomicInteger();

    final KeywardNode node;
    final String org;
    final Database db;
    private final String adminToken;

    KeystoreCluster(Path dir, boolean postgres) {
        List<String> flags = new ArrayList<>(List.of("ACCOUNTS_DEFAULT_ORG_KSF", CHEAP_KSF));
        StorageSettings pg = postgres ? TestDatabases.postgresSettings() : null;
        if (pg != null) {
            flags.addAll(List.of("STORAGE_JDBC_URL", pg.jdbcUrl(), "STORAGE_USERNAME", pg.username()));
        }
        node = new KeywardNode(TestNodes.config(dir.resolve("node"), flags.toArray(String[]::new)));
        var report = node.start();
        adminToken = report.adminToken().orElseThrow();
        db = Databases.open(pg != null ? pg : TestDatabases.sqliteSettings(dir.resolve("node")));
        org = newOrg();
    }

    /** A new open org, bootstrapped by its owner. */
    String newOrg() {
        try (KeywardClient client = client()) {
            CreateOrgResponse created = client.createOrg(adminToken, new CreateOrgRequest(
                    "ks-org-" + NEXT_ORG.incrementAndGet() + "-" + System.nanoTime(), "ristretto255-sha512", "open", CHEAP_KSF));
            client.bootstrap(created.org(), "owner", "owner pw".toCharArray(), created.bootstrapToken(), null);
            return created.org();
        }
    }

    KeywardClient client() {
        return KeywardClient.connect(URI.create("https://127.0.0.1:" + node.port()), ServerTrust.pinned(node.fingerprint()));
    }

    /** Registers and completes {@code user}, then logs in. */
    Session user(KeywardClient client, String user) {
        client.register(org, user, "pw".toCharArray(), null);
        try (Session registration = client.login(org, user, "pw".toCharArray())) {
            registration.complete(new CompleteAccountRequest("AQID", new DeviceKeys("d", Base64Url.encode(new byte[32]),
                    Base64Url.encode(new byte[32]))));
        }
        return client.login(org, user, "pw".toCharArray());
    }

    /** Row counts and a digest of every keystore table, to show that a refusal changed nothing. */
    String state() {
        return db.inTransaction(c -> {
            StringBuilder out = new StringBuilder();
            for (String sql : List.of("SELECT COUNT(*) FROM keystores", "SELECT COUNT(*) FROM keystore_keys",
                    "SELECT COUNT(*) FROM keystore_key_versions", "SELECT COUNT(*) FROM keystore_grants",
                    "SELECT COALESCE(SUM(latest_version * 7 + min_decryption_version * 3 + enabled), 0) FROM keystore_keys")) {
                try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
                    r.next();
                    out.append(r.getLong(1)).append(' ');
                }
            }
            return out.toString();
        });
    }

    /** Rows of every keystore table that belong to {@code keystoreId}. */
    long rowsOf(String keystoreId) {
        return db.inTransaction(c -> {
            long rows = 0;
            for (String table : List.of("keystores", "keystore_keys", "keystore_key_versions", "keystore_grants")) {
                try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE keystore_id = ?")) {
                    s.setString(1, keystoreId);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        rows += r.getLong(1);
                    }
                }
            }
            return rows;
        });
    }

    @Override
    public void close() {
        db.close();
        node.close();
    }
}
