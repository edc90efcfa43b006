package io.keyward.server.secret;

import io.keyward.client.KeywardClient;
import io.keyward.client.ServerTrust;
import io.keyward.client.Session;
import io.keyward.client.secrets.NewKeyBundle;
import io.keyward.client.secrets.SecretStorage;
import io.keyward.crypto.util.Base64Url;
import io.keyward.protocol.account.CompleteAccountRequest;
import io.keyward.protocol.account.DeviceKeys;
import io.keyward.server.KeywardNode;
import io.keyward.server.store.Database;
import io.keyward.server.store.Databases;
import io.keyward.server.store.StorageSettings;
import io.keyward.server.testing.TestDatabases;
import io.keyward.server.testing.TestNodes;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** One in-process node (SQLite, or PostgreSQL shared per JVM) and helpers to make accounts with secret storage. */
final class SecretNode implements AutoCloseable {
    static final String CHEAP_KSF = "argon2id(m=1024,t=1,p=1)";
    private static final AtomicInteger NEXT_USER = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();

    final boolean postgres;
    final Path dir;
    final KeywardNode node;
    final KeywardClient client;
    final Database db;

    SecretNode(Path dir, boolean postgres, String... extra) {
        this.dir = dir;
        this.postgres = postgres;
        List<String> config = new ArrayList<>(List.of("ACCOUNTS_DEFAULT_ORG_KSF", CHEAP_KSF));
        StorageSettings pg = postgres ? TestDatabases.postgresSettings() : null;
        if (pg != null) {
            config.addAll(List.of("STORAGE_JDBC_URL", pg.jdbcUrl(), "STORAGE_USERNAME", pg.username()));
        }
        config.addAll(List.of(extra));
        node = new KeywardNode(TestNodes.config(dir, config.toArray(String[]::new)), List.of());
        node.start();
        client = KeywardClient.connect(URI.create("https://127.0.0.1:" + node.port()), ServerTrust.pinned(node.fingerprint()));
        db = Databases.open(pg != null ? pg : TestDatabases.sqliteSettings(dir));
    }

    static String newUser() {
        return "user" + NEXT_USER.incrementAndGet() + "-" + Long.toHexString(RANDOM.nextLong());
    }

    /** Registers and completes an account in the default org; returns the new default key's bundle facts. */
    NewKeyBundle register(String user, String password) {
        client.register("default", user, password.toCharArray(), null);
        try (Session registration = client.login("default", user, password.toCharArray())) {
            NewKeyBundle bundle = SecretStorage.newKeyBundle(registration.exportKeys());
            byte[] x = new byte[32];
            byte[] e = new byte[32];
            RANDOM.nextBytes(x);
            RANDOM.nextBytes(e);
            registration.complete(new CompleteAccountRequest(Base64Url.encode(bundle.keyBundle()),
                    new DeviceKeys("laptop", Base64Url.encode(x), Base64Url.encode(e))));
            return bundle;
        }
    }

    Session login(String user, String password) {
        return client.login("default", user, password.toCharArray());
    }

    /** Every value of every column of the given tables, as text (bytes as ISO-8859-1), for plaintext scans. */
    String dump(String... tables) {
        StringBuilder out = new StringBuilder();
        db.inTransaction(c -> {
            for (String table : tables) {
                try (PreparedStatement select = c.prepareStatement("SELECT * FROM " + table); ResultSet rs = select.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            Object value = rs.getObject(i);
                            out.append(value instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.ISO_8859_1)
                                    : String.valueOf(value)).append('\u0000');
                        }
                    }
                }
            }
            return null;
        });
        return out.toString();
    }

    @Override
    public void close() {
        client.close();
        node.close();
        db.close();
    }
}
