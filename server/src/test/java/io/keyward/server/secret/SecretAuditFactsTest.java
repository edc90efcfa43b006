package io.keyward.server.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.client.KeywardApiException;
import io.keyward.client.KeywardClient;
import io.keyward.client.ServerTrust;
import io.keyward.client.Session;
import io.keyward.client.secrets.NewKeyBundle;
import io.keyward.client.secrets.SecretStorage;
import io.keyward.crypto.ssss.SecretStorageKey;
import io.keyward.crypto.util.Base64Url;
import io.keyward.protocol.account.CompleteAccountRequest;
import io.keyward.protocol.account.DeviceKeys;
import io.keyward.server.KeywardNode;
import io.keyward.server.audit.AuditFacts;
import io.keyward.server.http.ApiModule;
import io.keyward.server.testing.TestNodes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every secret-storage route tells the audit hook its {@code secret.*} action, its target and the actor. */
class SecretAuditFactsTest {
    record Seen(String method, String path, String action, String actor, String target, int status) {}

    @TempDir
    Path dir;

    @Test
    void everySecretRouteNamesItsActionAndTarget() {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        ApiModule hook = routes -> routes.after(ctx -> {
            AuditFacts.Facts facts = AuditFacts.of(ctx);
            seen.add(new Seen(ctx.method().name(), ctx.path(), facts.action().orElse("-"),
                    facts.actor().type() + ":" + facts.actor().id(), facts.target().orElse("-"), ctx.statusCode()));
        });
        try (KeywardNode node = new KeywardNode(TestNodes.config(dir.resolve("data"), "ACCOUNTS_DEFAULT_ORG_KSF",
                SecretNode.CHEAP_KSF), List.of(hook), Clock.systemUTC())) {
            node.start();
            try (KeywardClient client = KeywardClient.connect(URI.create("https://127.0.0.1:" + node.port()),
                    ServerTrust.pinned(node.fingerprint()))) {
                client.register("default", "Zoe", "pw".toCharArray(), null);
                try (Session registration = client.login("default", "zoe", "pw".toCharArray())) {
                    NewKeyBundle bundle = SecretStorage.newKeyBundle(registration.exportKeys());
                    registration.complete(new CompleteAccountRequest(Base64Url.encode(bundle.keyBundle()), new DeviceKeys("d",
                            Base64Url.encode(new byte[32]), Base64Url.encode(new byte[32]))));
                }
                try (Session session = client.login("default", "zoe", "pw".toCharArray());
                     SecretStorage secrets = SecretStorage.open(session);
                     SecretStorageKey extra = SecretStorageKey.generate()) {
                    String keyId = secrets.addKey(extra, "extra", null, false);
                    secrets.setDefault(keyId);
                    secrets.keys();
                    secrets.put("a.b", "x".getBytes(StandardCharsets.UTF_8));
                    secrets.get("a.b").close();
                    secrets.list(null, 10);
                    secrets.history("a.b");
                    secrets.delete("a.b", 1);
                    assertThatThrownBy(() -> secrets.removeKey("nope")).isInstanceOf(KeywardApiException.class);
                    secrets.setDefault(secrets.keys().stream().filter(k -> !k.keyId().equals(keyId)).findFirst()
                            .orElseThrow().keyId());
                    secrets.removeKey(keyId);
                }
            }
        }
        List<Seen> secretCalls = seen.stream().filter(s -> s.path().startsWith("/v1/secret")).toList();
        assertThat(secretCalls).extracting(Seen::action).contains("secret.key.read", "secret.key.put", "secret.key.default",
                "secret.key.list", "secret.key.delete", "secret.put", "secret.get", "secret.list", "secret.history",
                "secret.delete");
        assertThat(secretCalls).allSatisfy(s -> {
            assertThat(s.action()).startsWith("secret.");
            assertThat(s.actor()).isEqualTo("user:zoe");
            if (s.path().startsWith("/v1/secrets/")) {
                assertThat(s.target()).isEqualTo("a.b");
            } else if (s.path().startsWith("/v1/secret-keys/")) {
                assertThat(s.target()).isNotEqualTo("-");
                assertThat(s.path()).contains(s.target());
            }
        });
        assertThat(secretCalls).filteredOn(s -> s.path().equals("/v1/secret-keys/nope"))
                .singleElement().satisfies(s -> assertThat(s.status()).isEqualTo(404));
    }
}
