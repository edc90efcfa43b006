package io.keyward.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyward.client.KeywardApiException;
import io.keyward.client.KeywardClient;
import io.keyward.client.ServerTrust;
import io.keyward.client.Session;
import io.keyward.protocol.account.CompleteAccountRequest;
import io.keyward.protocol.account.DeviceKeys;
import io.keyward.server.KeywardNode;
import io.keyward.server.audit.AuditFacts;
import io.keyward.server.http.ApiModule;
import io.keyward.server.testing.TestNodes;
import io.keyward.crypto.util.Base64Url;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every account and session route tells the audit hook who did what: a stand-in hook records the facts of
 * each request with its status, as the audit capability's hook will.
 */
class AuditFactsTest {
    record Seen(String action, String actor, String org, String target, boolean session, int status) {}

    @TempDir
    Path dir;

    @Test
    void everyAuthenticationOutcomeIsDistinguishable() {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        ApiModule hook = routes -> routes.after(ctx -> {
            AuditFacts.Facts facts = AuditFacts.of(ctx);
            seen.add(new Seen(facts.action().orElse("-"), facts.actor().type() + ":" + facts.actor().id(),
                    facts.org().orElse("-"), facts.target().orElse("-"), facts.sessionId().isPresent(), ctx.statusCode()));
        });
        try (KeywardNode node = new KeywardNode(TestNodes.config(dir.resolve("data"), "ACCOUNTS_DEFAULT_ORG_KSF",
                TestCluster.CHEAP_KSF, "RATE_LIMIT_ACCOUNT_FAILURES", "2"), List.of(hook), Clock.systemUTC())) {
            node.start();
            try (KeywardClient client = KeywardClient.connect(URI.create("https://127.0.0.1:" + node.port()),
                    ServerTrust.pinned(node.fingerprint()))) {
                client.register("default", "Zoe", "pw".toCharArray(), null);
                try (Session registration = client.login("default", "zoe", "pw".toCharArray())) {
                    registration.complete(new CompleteAccountRequest("AQ", new DeviceKeys("d",
                            Base64Url.encode(new byte[32]), Base64Url.encode(new byte[32]))));
                }
                try (Session session = client.login("default", "zoe", "pw".toCharArray())) {
                    session.account();
                }
                fails(() -> client.login("default", "zoe", "wrong".toCharArray()));
                fails(() -> client.login("default", "nobody", "pw".toCharArray()));
                fails(() -> client.login("default", "nobody", "pw".toCharArray()));
                fails(() -> client.login("default", "nobody", "pw".toCharArray()));
            }
        }
        assertThat(seen).contains(
                new Seen("account.register.start", "anonymous:null", "default", "Zoe", false, 200),
                new Seen("account.register.finish", "anonymous:null", "default", "Zoe", false, 201),
                new Seen("session.login.start", "user:zoe", "default", "zoe", false, 200),
                new Seen("session.login.finish", "user:zoe", "default", "zoe", true, 200),
                new Seen("account.complete", "user:zoe", "default", "zoe", true, 200),
                new Seen("account.read", "user:zoe", "default", "-", true, 200),
                new Seen("session.logout", "user:zoe", "default", seen.stream().filter(s -> s.action().equals("session.logout"))
                        .map(Seen::target).findFirst().orElse("?"), true, 200),
                new Seen("session.login.finish", "user:zoe", "default", "zoe", false, 401),
                new Seen("session.login.start.unknown_user", "user:nobody", "default", "nobody", false, 200),
                new Seen("session.login.finish.unknown_user", "user:nobody", "default", "nobody", false, 401),
                new Seen("session.login.start", "user:nobody", "default", "nobody", false, 429));
    }

    private static void fails(Runnable call) {
        try {
            call.run();
            throw new AssertionError("expected a failure");
        } catch (KeywardApiException expected) {
            // the status is in the recorded facts
        }
    }
}
