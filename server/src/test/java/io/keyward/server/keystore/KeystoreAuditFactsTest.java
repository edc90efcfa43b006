package io.keyward.server.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyward.client.KeywardApiException;
import io.keyward.client.KeywardClient;
import io.keyward.client.Keystores;
import io.keyward.client.ServerTrust;
import io.keyward.client.Session;
import io.keyward.crypto.util.Base64Url;
import io.keyward.protocol.account.CompleteAccountRequest;
import io.keyward.protocol.account.DeviceKeys;
import io.keyward.server.KeywardNode;
import io.keyward.server.audit.AuditFacts;
import io.keyward.server.http.ApiModule;
import io.keyward.server.store.Database;
import io.keyward.server.store.Databases;
import io.keyward.server.testing.TestDatabases;
import io.keyward.server.testing.TestNodes;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every keystore route names its action ({@code keystore.*}) and target for the audit hook, refusals too. */
class KeystoreAuditFactsTest {
    record Seen(String action, String actor, String target, int status) {}

    @Test
    void everyKeystoreRouteNamesItsActionAndTarget(@TempDir Path dir) {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        ApiModule hook = routes -> routes.after(ctx -> {
            AuditFacts.Facts facts = AuditFacts.of(ctx);
            seen.add(new Seen(facts.action().orElse("-"), facts.actor().type() + ":" + facts.actor().id(),
                    facts.target().orElse("-"), ctx.statusCode()));
        });
        String ks;
        try (KeywardNode node = new KeywardNode(TestNodes.config(dir.resolve("data"), "ACCOUNTS_DEFAULT_ORG_KSF",
                KeystoreCluster.CHEAP_KSF), List.of(hook), Clock.systemUTC())) {
            node.start();
            try (KeywardClient client = KeywardClient.connect(URI.create("https://127.0.0.1:" + node.port()),
                    ServerTrust.pinned(node.fingerprint()))) {
                client.register("default", "zoe", "pw".toCharArray(), null);
                try (Session registration = client.login("default", "zoe", "pw".toCharArray())) {
                    registration.complete(new CompleteAccountRequest("AQ", new DeviceKeys("d",
                            Base64Url.encode(new byte[32]), Base64Url.encode(new byte[32]))));
                }
                try (Session session = client.login("default", "zoe", "pw".toCharArray())) {
                    Keystores keystores = new Keystores(session);
                    ks = keystores.create().keystoreId();
                    keystores.list();
                    keystores.createKey(ks, "ecdsa-p256", "p");
                    String signature = keystores.sign(ks, "p", new byte[] {1});
                    keystores.rotate(ks, "p");
                    keystores.verify(ks, "p", new byte[] {1}, signature);
                    try {
                        keystores.verify(ks, "p", new byte[] {2}, signature);
                    } catch (KeywardApiException expected) {
                        // recorded with its status
                    }
                    keystores.jwks(ks);
                    keystores.delete(ks, true);
                }
            }
        }
        // Each change's entry is in the audit chain once (appended in its transaction, not again by the hook),
        // with the target named inside the transaction; refusals are recorded with their code.
        try (Database db = Databases.open(TestDatabases.sqliteSettings(dir.resolve("data")))) {
            List<String> entries = db.inTransaction(c -> {
                List<String> rows = new java.util.ArrayList<>();
                try (var select = c.prepareStatement("SELECT action, target, outcome, code FROM audit_entries"
                        + " WHERE action LIKE 'keystore.%' ORDER BY seq"); var r = select.executeQuery()) {
                    while (r.next()) {
                        rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4));
                    }
                }
                return rows;
            });
            assertThat(entries).containsExactly(
                    "keystore.create keystore:" + ks + " success null",
                    "keystore.list null success null",
                    "keystore.key.create key:" + ks + "/p@v1 success null",
                    "keystore.key.sign key:" + ks + "/p@v1 success null",
                    "keystore.key.rotate key:" + ks + "/p@v2 success null",
                    "keystore.key.verify key:" + ks + "/p@v1 success null",
                    "keystore.key.verify key:" + ks + "/p@v1 failed signature_invalid",
                    "keystore.jwks keystore:" + ks + " success null",
                    "keystore.delete keystore:" + ks + " success null");
        }
        assertThat(seen).contains(
                new Seen("keystore.create", "user:zoe", "keystore:" + ks, 200),
                new Seen("keystore.list", "user:zoe", "-", 200),
                new Seen("keystore.key.create", "user:zoe", "key:" + ks + "/p@v1", 200),
                new Seen("keystore.key.sign", "user:zoe", "key:" + ks + "/p@v1", 200),
                new Seen("keystore.key.rotate", "user:zoe", "key:" + ks + "/p@v2", 200),
                new Seen("keystore.key.verify", "user:zoe", "key:" + ks + "/p@v1", 200),
                new Seen("keystore.key.verify", "user:zoe", "key:" + ks + "/p@v1", 400),
                new Seen("keystore.jwks", "user:zoe", "keystore:" + ks, 200),
                new Seen("keystore.delete", "user:zoe", "keystore:" + ks, 200));
    }
}
