package io.keyward.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyward.client.KeywardApiException;
import io.keyward.client.KeywardClient;
import io.keyward.client.Session;
import io.keyward.crypto.opaque.Identities;
import io.keyward.crypto.opaque.KE2;
import io.keyward.crypto.opaque.OpaqueSuite;
import io.keyward.crypto.util.Base64Url;
import io.keyward.protocol.account.CompleteAccountRequest;
import io.keyward.protocol.account.DeviceKeys;
import io.keyward.protocol.channel.SealedChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL database: logins and sessions move between nodes, the replay window holds
 * across them, also for requests that arrive at both at the same moment, and so do the rate limits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresTwoNodesTest {
    private static final String SUITE = "ristretto255-sha512";
    TestCluster cluster;
    String org;

    @BeforeAll
    void start(@TempDir Path dir) {
        cluster = TestCluster.postgres(dir, 2, "RATE_LIMIT_ACCOUNT_FAILURES", "3", "RATE_LIMIT_ADDRESS_FAILURES", "6",
                "RATE_LIMIT_BASE_DELAY", "10s");
        org = cluster.openOrg();
        try (KeywardClient client = cluster.client(0)) {
            client.register(org, "uma", "pw".toCharArray(), null);
            try (Session registration = client.login(org, "uma", "pw".toCharArray())) {
                registration.complete(new CompleteAccountRequest("AQID", new DeviceKeys("d",
                        Base64Url.encode(new byte[32]), Base64Url.encode(new byte[32]))));
            }
        }
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aLoginStartedOnOneNodeFinishesOnTheOther() {
        RawApi a = new RawApi(cluster.node(0));
        RawApi b = new RawApi(cluster.node(1));
        RawApi.Started started = a.loginStart(org, SUITE, "uma", "pw");
        KE2 ke2 = KE2.deserialize(OpaqueSuite.RISTRETTO255_SHA512,
                Base64Url.decode(started.response().json().path("ke2").asText(), "ke2"));
        byte[] ke3 = RawApi.opaque(SUITE, TestCluster.CHEAP_KSF).finishLogin(started.start().state(), ke2, Identities.NONE)
                .ke3().serialize();
        RawApi.Response finished = b.postJson("/v1/orgs/" + org + "/login/finish",
                Map.of("login_id", started.response().json().path("login_id").asText(), "ke3", Base64Url.encode(ke3)));
        assertThat(finished.status()).isEqualTo(200);
        assertThat(finished.json().path("session_id").asText()).hasSize(22);
    }

    @Test
    void aSessionOpenedOnOneNodeServesOnTheOtherAndAReplayThereIsRefused() {
        RawApi a = new RawApi(cluster.node(0));
        RawApi b = new RawApi(cluster.node(1));
        RawApi.RawSession session = a.login(org, SUITE, "uma", "pw");
        RawApi.Response onB = b.sealed(session, "GET", "/v1/account", 1, null);
        assertThat(onB.status()).isEqualTo(200);
        assertThat(RawApi.open(session, 1, onB).path("user_id").asText()).isEqualTo("uma");
        assertThat(a.sealed(session, "GET", "/v1/account", 2, null).status()).isEqualTo(200);
        // The capture of seq 2, sent to the other node: refused, and nothing counted.
        long before = cluster.count("SELECT request_count FROM sessions WHERE session_id = ?", session.sessionId());
        RawApi.Response replayed = b.sealed(session, "GET", "/v1/account", 2, null);
        assertThat(replayed.status()).isEqualTo(409);
        assertThat(replayed.code()).isEqualTo("seq_replayed");
        assertThat(cluster.count("SELECT request_count FROM sessions WHERE session_id = ?", session.sessionId())).isEqualTo(before);
        // Logged out on one node, the session is gone on both.
        assertThat(b.sealed(session, "POST", "/v1/session/logout", 3, null).status()).isEqualTo(200);
        assertThat(a.sealed(session, "GET", "/v1/account", 4, null).code()).isEqualTo("session_invalid");
    }

    @Test
    void oneSeqSentToBothNodesAtOnceIsAcceptedExactlyOnce() throws Exception {
        RawApi a = new RawApi(cluster.node(0));
        RawApi b = new RawApi(cluster.node(1));
        RawApi.RawSession session = a.login(org, SUITE, "uma", "pw");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            int rounds = 20;
            for (long seq = 1; seq <= rounds; seq++) {
                long s = seq;
                byte[] body = SealedChannel.sealRequest(session.keys(), "GET", "/v1/account", session.sessionId(), s, new byte[0]);
                CyclicBarrier barrier = new CyclicBarrier(2);
                List<Future<RawApi.Response>> both = new ArrayList<>();
                for (RawApi node : List.of(a, b)) {
                    both.add(pool.submit(() -> {
                        barrier.await();
                        return node.send("GET", "/v1/account", body, SealedChannel.CONTENT_TYPE,
                                SealedChannel.SESSION_HEADER, session.sessionId(), SealedChannel.SEQ_HEADER, Long.toString(s));
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<RawApi.Response> f : both) {
                    RawApi.Response response = f.get();
                    statuses.add(response.status());
                    if (response.status() != 200) {
                        assertThat(response.code()).isEqualTo("seq_replayed");
                    }
                }
                assertThat(statuses).as("seq " + s).containsExactlyInAnyOrder(200, 409);
            }
            assertThat(cluster.count("SELECT request_count FROM sessions WHERE session_id = ?", session.sessionId()))
                    .isEqualTo(rounds);
            assertThat(cluster.count("SELECT highest_seq FROM sessions WHERE session_id = ?", session.sessionId()))
                    .isEqualTo(rounds);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void failedLoginLimitsHoldAcrossNodes() {
        try (KeywardClient a = cluster.client(0); KeywardClient b = cluster.client(1)) {
            // Per account: three failures, alternating nodes, block the account on both.
            for (KeywardClient c : List.of(a, b, a)) {
                assertCode(() -> c.login(org, "victim-1", "x".toCharArray()), "login_failed");
            }
            assertCode(() -> b.login(org, "victim-1", "x".toCharArray()), "rate_limited");
            assertCode(() -> a.login(org, "victim-1", "x".toCharArray()), "rate_limited");
            // Per address: six failures from this address over several accounts block it for any account.
            long failures = cluster.count("SELECT failures FROM login_throttles WHERE throttle_key LIKE 'address:%'");
            for (int i = 0; failures + i < 6; i++) {
                KeywardClient c = i % 2 == 0 ? b : a;
                String user = "victim-" + (10 + i);
                assertCode(() -> c.login(org, user, "x".toCharArray()), "login_failed");
            }
            assertCode(() -> a.login(org, "victim-99", "x".toCharArray()), "rate_limited");
            assertCode(() -> b.login(org, "uma", "pw".toCharArray()), "rate_limited");
        } finally {
            // Let the other tests of this class log in again, whatever order they run in.
            cluster.clock.advance(java.time.Duration.ofHours(1));
        }
    }

    private static void assertCode(Runnable call, String code) {
        try {
            call.run();
            throw new AssertionError("expected " + code);
        } catch (KeywardApiException e) {
            assertThat(e.code()).isEqualTo(code);
        }
    }
}
