package io.keyward.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyward.client.KeywardApiException;
import io.keyward.client.KeywardClient;
import io.keyward.client.Session;
import io.keyward.protocol.account.CompleteAccountRequest;
import io.keyward.server.audit.AuditEntry;
import io.keyward.server.audit.AuditQuery;
import io.keyward.server.audit.AuditVerifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every authentication attempt is in the org's audit chain with the user id it named, the client address
 * and its outcome: success, wrong password, unknown user, rate limited; registration and completion append
 * in the transaction that commits them; and a user reads their own entries in a session.
 */
class AuthenticationAuditTest {
    @TempDir
    Path dir;

    private static final String[] CONFIG = {"RATE_LIMIT_ACCOUNT_FAILURES", "2", "RATE_LIMIT_ADDRESS_FAILURES", "100000",
        "RATE_LIMIT_BASE_DELAY", "1m", "RATE_LIMIT_MAX_DELAY", "1m"};

    @ParameterizedTest
    @EnumSource(TestCluster.Kind.class)
    void everyAttemptIsRecordedAndTheUserReadsTheirOwn(TestCluster.Kind kind) {
        try (TestCluster cluster = kind == TestCluster.Kind.SQLITE ? TestCluster.sqlite(dir, CONFIG)
                : TestCluster.postgres(dir, 2, CONFIG);
                KeywardClient first = cluster.client(0);
                KeywardClient second = cluster.client(cluster.nodes.size() - 1)) {
            String org = cluster.openOrg();
            first.register(org, "Alice", "right".toCharArray(), null);
            try (Session registration = second.login(org, "alice", "right".toCharArray())) {
                registration.complete(new CompleteAccountRequest(
                        io.keyward.crypto.util.Base64Url.encode(new byte[] {1, 2, 3}), AccountsIntegrationTest.device()));
            }
            assertThatThrownBy(() -> first.login(org, "alice", "wrong".toCharArray()))
                    .isInstanceOf(KeywardApiException.class);
            assertThatThrownBy(() -> second.login(org, "mallory", "guess".toCharArray()))
                    .isInstanceOf(KeywardApiException.class);
            assertThatThrownBy(() -> first.login(org, "alice", "wrong again".toCharArray()))
                    .isInstanceOf(KeywardApiException.class);
            // Two failures reached the threshold: the next attempt is refused before any work.
            assertThatThrownBy(() -> first.login(org, "alice", "right".toCharArray()))
                    .isInstanceOfSatisfying(KeywardApiException.class, e -> assertThat(e.status()).isEqualTo(429));

            List<AuditEntry> entries = cluster.node(0).auditLog().read(AuditQuery.all(org, 0, 1000));
            List<String> attempts = entries.stream()
                    .filter(e -> e.action().startsWith("session.login") || e.action().startsWith("account."))
                    .map(e -> e.action() + " " + e.actorType() + ":" + e.actorId() + " " + e.outcome()
                            + (e.code() == null ? "" : " " + e.code()) + " from " + e.client())
                    .toList();
            // An unknown user gets the same answers as a known one; only the record tells them apart.
            assertThat(attempts).containsExactly(
                    // the owner's bootstrap registration, then alice's
                    "account.register.start anonymous:null success from 127.0.0.1",
                    "account.register.finish anonymous:null success from 127.0.0.1",
                    "account.register.start anonymous:null success from 127.0.0.1",
                    "account.register.finish anonymous:null success from 127.0.0.1",
                    "session.login.start user:alice success from 127.0.0.1",
                    "session.login.finish user:alice success from 127.0.0.1",
                    "account.complete user:alice success from 127.0.0.1",
                    "session.login.start user:alice success from 127.0.0.1",
                    "session.login.finish user:alice denied login_failed from 127.0.0.1",
                    "session.login.start.unknown_user user:mallory success from 127.0.0.1",
                    "session.login.finish.unknown_user user:mallory denied login_failed from 127.0.0.1",
                    "session.login.start user:alice success from 127.0.0.1",
                    "session.login.finish user:alice denied login_failed from 127.0.0.1",
                    "session.login.start user:alice denied rate_limited from 127.0.0.1");
            assertThat(entries).allSatisfy(e -> assertThat(e.org()).isEqualTo(org));

            // After the block, alice reads her own entries in a session: hers only, mallory's are not.
            cluster.clock.advance(Duration.ofMinutes(2));
            try (Session session = first.login(org, "alice", "right".toCharArray())) {
                JsonNode page = session.call("GET", "/v1/audit?action=session.login.finish&limit=50", null, JsonNode.class);
                List<String> own = new java.util.ArrayList<>();
                page.path("entries").forEach(e -> own.add(e.path("actor_id").asText() + " " + e.path("outcome").asText()));
                assertThat(own).containsExactly("alice success", "alice denied", "alice denied", "alice success");
                JsonNode denied = session.call("GET", "/v1/audit?outcome=denied", null, JsonNode.class);
                assertThat(denied.path("entries")).hasSize(3);
                assertThat(denied.path("next_after_seq").isNull()).isTrue();
            }
            // The chain is intact and gap-free across both nodes.
            AuditVerifier.Verdict verdict = io.keyward.server.audit.AuditTestExports.verify(cluster.node(0).auditLog(), org);
            assertThat(verdict.intact()).as(verdict.message()).isTrue();
        }
    }

    @Test
    void requestsNamingAnUnknownOrgDoNotCreateAChain() {
        try (TestCluster cluster = TestCluster.sqlite(dir, CONFIG); KeywardClient client = cluster.client(0)) {
            assertThatThrownBy(() -> client.login("no-such-org", "alice", "pw".toCharArray()))
                    .isInstanceOf(KeywardApiException.class);
            assertThat(cluster.node(0).auditLog().read(AuditQuery.all("no-such-org", 0, 10))).isEmpty();
        }
    }
}
