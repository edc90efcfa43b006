package io.keyward.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyward.client.ExportKeys;
import io.keyward.client.KeywardApiException;
import io.keyward.client.KeywardClient;
import io.keyward.client.LoginOptions;
import io.keyward.client.RegistrationResult;
import io.keyward.client.Session;
import io.keyward.crypto.aead.AesGcm;
import io.keyward.crypto.util.Base64Url;
import io.keyward.crypto.util.Bytes;
import io.keyward.protocol.account.AccountInfo;
import io.keyward.protocol.account.CompleteAccountRequest;
import io.keyward.protocol.account.CreateOrgResponse;
import io.keyward.protocol.account.DeviceKeys;
import io.keyward.protocol.account.InvitationResponse;
import io.keyward.protocol.account.OrgInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Organizations, registration, login, sessions and the sealed channel over real HTTPS against in-process
 * nodes, driven by the SDK (and by {@link RawApi} where a test must send what the SDK never would).
 * Runs once per database kind (the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccountsIntegrationTest {
    static final String[] CONFIG = {
        "SESSIONS_TTL", "1h", "SESSIONS_IDLE_TIMEOUT", "10m",
        "RATE_LIMIT_ACCOUNT_FAILURES", "3", "RATE_LIMIT_ADDRESS_FAILURES", "100000",
        "RATE_LIMIT_BASE_DELAY", "1s", "RATE_LIMIT_MAX_DELAY", "1m", "SERVER_MAX_BODY_BYTES", "128KiB"};
    private static final SecureRandom RANDOM = new SecureRandom();

    TestCluster cluster;
    KeywardClient client;

    abstract TestCluster start(Path dir);

    @BeforeAll
    void startCluster(@TempDir Path dir) {
        cluster = start(dir);
        client = cluster.client(0);
    }

    @AfterAll
    void stopCluster() {
        if (client != null) {
            client.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    // ---- helpers ----

    static char[] pw(String s) {
        return s.toCharArray();
    }

    static DeviceKeys device() {
        byte[] x = new byte[32];
        byte[] e = new byte[32];
        RANDOM.nextBytes(x);
        RANDOM.nextBytes(e);
        return new DeviceKeys("laptop", Base64Url.encode(x), Base64Url.encode(e));
    }

    /** The test's stand-in for a key bundle: {@code secret} sealed under the key-bundle key. */
    static byte[] wrap(ExportKeys keys, byte[] secret) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        return Bytes.concat(nonce, AesGcm.AES_256.seal(keys.keyBundleKey(), nonce, secret, new byte[0]));
    }

    static byte[] unwrap(ExportKeys keys, byte[] bundle) {
        return AesGcm.AES_256.open(keys.keyBundleKey(), Bytes.slice(bundle, 0, 12), Bytes.slice(bundle, 12, bundle.length - 12),
                new byte[0]);
    }

    /** Registers and completes an account whose key bundle wraps {@code secret}. */
    void activeAccount(String org, String user, String password, byte[] secret) {
        client.register(org, user, pw(password), null);
        try (Session registration = client.login(org, user, pw(password))) {
            assertThat(registration.registrationPending()).isTrue();
            registration.complete(new CompleteAccountRequest(Base64Url.encode(wrap(registration.exportKeys(), secret)), device()));
        }
    }

    static void assertCode(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(KeywardApiException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).startsWith(code + ": ").doesNotContain("\n");
        });
    }

    // ---- the SDK's TLS trust ----

    @Test
    void theSdkTrustsExactlyWhatItIsTold() {
        String fingerprint = cluster.node(0).fingerprint();
        assertThat(client.serverFingerprint()).isEqualTo(fingerprint);
        String wrong = fingerprint.startsWith("00") ? "11" + fingerprint.substring(2) : "00" + fingerprint.substring(2);
        assertCode(() -> KeywardClient.connect(cluster.url(0), io.keyward.client.ServerTrust.pinned(wrong)), 0, "server_untrusted");
        // A self-signed node is not trusted by the JDK's CAs.
        assertCode(() -> KeywardClient.connect(cluster.url(0), io.keyward.client.ServerTrust.system()), 0, "server_untrusted");
        // A custom check sees the chain and decides (trust on first use, for instance).
        List<String> seen = new ArrayList<>();
        try (KeywardClient tofu = KeywardClient.connect(cluster.url(0), io.keyward.client.ServerTrust.custom(chain ->
                seen.add(chain[0].getSubjectX500Principal().getName())))) {
            assertThat(tofu.serverFingerprint()).isEqualTo(fingerprint);
            assertThat(tofu.org("default").registration()).isEqualTo("open");
        }
        assertThat(seen).isNotEmpty();
        assertCode(() -> KeywardClient.connect(cluster.url(0), io.keyward.client.ServerTrust.custom(chain -> {
            throw new java.security.cert.CertificateException("no");
        })), 0, "server_untrusted");
    }

    // ---- organizations ----

    @Test
    void theFirstStartCreatedTheDefaultOrgWithOpenRegistration() {
        OrgInfo org = client.org("default");
        assertThat(org.registration()).isEqualTo("open");
        assertThat(org.bootstrapped()).isTrue();
        assertThat(org.suite()).isEqualTo("ristretto255-sha512");
        assertThat(org.ksf()).isEqualTo(TestCluster.CHEAP_KSF);
        assertThat(Base64Url.decode(org.serverPublicKey(), "key")).hasSize(32);
        assertThat(cluster.count("SELECT COUNT(*) FROM orgs WHERE name = 'default'")).isEqualTo(1);
        assertCode(() -> client.org("no-such-org"), 404, "org_not_found");
    }

    @Test
    void creatingAnOrgNeedsTheAdminTokenAndValidParameters() {
        assertCode(() -> client.createOrg("kwa_wrong", new io.keyward.protocol.account.CreateOrgRequest("abc", null, null, null)),
                401, "unauthorized");
        String before = cluster.state();
        assertCode(() -> client.createOrg(cluster.adminToken, new io.keyward.protocol.account.CreateOrgRequest("Upper", null, null, null)),
                400, "invalid_org");
        assertCode(() -> client.createOrg(cluster.adminToken,
                new io.keyward.protocol.account.CreateOrgRequest("fine-name", null, null, "bcrypt(12)")), 400, "invalid_field");
        // No stretching at all: refused unless the node allows it (accounts.allow_identity_ksf).
        assertCode(() -> client.createOrg(cluster.adminToken,
                new io.keyward.protocol.account.CreateOrgRequest("fine-name", null, null, "identity")), 400, "invalid_field");
        assertCode(() -> client.createOrg(cluster.adminToken,
                new io.keyward.protocol.account.CreateOrgRequest("fine-name", "ed25519", null, null)), 400, "invalid_field");
        assertCode(() -> client.createOrg(cluster.adminToken,
                new io.keyward.protocol.account.CreateOrgRequest("default", null, null, null)), 409, "org_exists");
        assertThat(cluster.state()).isEqualTo(before);

        CreateOrgResponse created = cluster.createOrg("invitation", "p256-sha256");
        assertThat(created.bootstrapToken()).startsWith("kwb_");
        assertThat(created.bootstrapUrl()).startsWith("keyward://bootstrap?server=https%3A%2F%2F127.0.0.1%3A")
                .contains("&org=" + created.org() + "&token=" + created.bootstrapToken());
        OrgInfo info = client.org(created.org());
        assertThat(info.suite()).isEqualTo("p256-sha256");
        assertThat(info.bootstrapped()).isFalse();
        assertThat(Base64Url.decode(info.serverPublicKey(), "key")).hasSize(33);
        // The server setup is stored wrapped, never in the clear: its public key is not a prefix of the blob.
        assertThat(cluster.count("SELECT COUNT(*) FROM org_tokens WHERE org = ? AND kind = 'bootstrap'", created.org()))
                .isEqualTo(1);
    }

    @Test
    void bootstrapMakesTheFirstUserOwnerAndNamesTheSequesterKeyThenOnly() throws Exception {
        CreateOrgResponse org = cluster.createOrg("invitation", null);
        String name = org.org();
        assertCode(() -> client.register(name, "early", pw("pw"), null), 403, "bootstrap_required");
        assertCode(() -> client.register(name, "early", pw("pw"), "kwb_not-the-token"), 403, "token_invalid");
        assertCode(() -> client.bootstrap(name, "boss", pw("pw"), org.bootstrapToken(), "not a pem"), 400,
                "sequester_key_invalid");
        KeyPairGenerator small = KeyPairGenerator.getInstance("RSA");
        small.initialize(1024);
        String weak = io.keyward.crypto.pem.PemKeys.publicKeyPem(small.generateKeyPair().getPublic());
        assertCode(() -> client.bootstrap(name, "boss", pw("pw"), org.bootstrapToken(), weak), 400, "sequester_key_invalid");
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String authority = io.keyward.crypto.pem.PemKeys.publicKeyPem(rsa.generateKeyPair().getPublic());

        RegistrationResult owner = client.bootstrap(name, "Boss", pw("boss pw"), org.bootstrapToken(), authority);
        assertThat(owner.role()).isEqualTo("owner");
        assertThat(owner.status()).isEqualTo("pending");
        assertThat(client.org(name).bootstrapped()).isTrue();
        assertThat(cluster.count("SELECT COUNT(*) FROM orgs WHERE name = ? AND sequester_authority_key IS NOT NULL", name))
                .isEqualTo(1);
        // The bootstrap token is used up; without an invitation nobody else registers.
        assertCode(() -> client.bootstrap(name, "second", pw("pw"), org.bootstrapToken(), null), 403, "token_invalid");
        assertCode(() -> client.register(name, "second", pw("pw"), null), 403, "invitation_required");

        // The owner completes, logs in and invites; the invitation registers one member, once.
        try (Session registration = client.login(name, "boss", pw("boss pw"))) {
            registration.complete(new CompleteAccountRequest(Base64Url.encode(new byte[] {1}), device()));
        }
        String invitation;
        try (Session boss = client.login(name, "boss", pw("boss pw"))) {
            invitation = boss.call("POST", "/v1/org/invitations", null, InvitationResponse.class).token();
        }
        assertThat(invitation).startsWith("kwi_");
        assertCode(() -> client.bootstrap(name, "member", pw("pw"), invitation, authority), 400, "sequester_key_not_allowed");
        RegistrationResult member = client.register(name, "member", pw("member pw"), invitation);
        assertThat(member.role()).isEqualTo("member");
        assertCode(() -> client.register(name, "member2", pw("pw"), invitation), 403, "token_invalid");

        // An admin invitation works too; a member cannot invite.
        client.register(name, "member2", pw("pw2"), client.createInvitation(cluster.adminToken, name));
        try (Session registration = client.login(name, "member", pw("member pw"))) {
            registration.complete(new CompleteAccountRequest(Base64Url.encode(new byte[] {1}), device()));
        }
        try (Session m = client.login(name, "member", pw("member pw"))) {
            assertCode(() -> m.call("POST", "/v1/org/invitations", null, InvitationResponse.class), 403, "forbidden");
        }
        assertCode(() -> client.createInvitation(cluster.adminToken, "no-such-org"), 404, "org_not_found");
    }

    // ---- registration, completion, login ----

    @Test
    void registerCompleteLoginAndSealedRequests() {
        String org = cluster.openOrg();
        byte[] secret = "the user's key bundle".getBytes(StandardCharsets.UTF_8);
        RegistrationResult registered = client.register(org, "Alice.Example@mail.test", pw("correct horse"), null);
        assertThat(registered.status()).isEqualTo("pending");
        assertThat(registered.role()).isEqualTo("member");

        byte[] firstKey;
        try (Session registration = client.login(org, "alice.example@MAIL.test", pw("correct horse"))) {
            assertThat(registration.registrationPending()).isTrue();
            assertThat(registration.requestLimit()).isEqualTo(1);
            // A registration session accepts only the completion.
            assertCode(registration::account, 403, "registration_session");
            firstKey = registration.exportKeys().keyBundleKey();
            registration.complete(new CompleteAccountRequest(Base64Url.encode(wrap(registration.exportKeys(), secret)), device()));
            // ... and then closes.
            assertCode(registration::account, 401, "session_invalid");
        }
        assertThat(cluster.count("SELECT COUNT(*) FROM devices WHERE org = ?", org)).isEqualTo(1);

        try (Session session = client.login(org, "alice.example@mail.test", pw("correct horse"))) {
            assertThat(session.registrationPending()).isFalse();
            assertThat(session.requestLimit()).isNull();
            assertThat(session.expiresAt()).isAfter(cluster.clock.instant().plus(Duration.ofMinutes(59)));
            AccountInfo info = session.account();
            assertThat(info.userId()).isEqualTo("Alice.Example@mail.test");
            assertThat(info.status()).isEqualTo("active");
            assertThat(info.org()).isEqualTo(org);
            assertThat(info.session().sessionId()).isEqualTo(session.sessionId());
            // The export key is the same at every login: the bundle opens.
            assertThat(session.exportKeys().keyBundleKey()).isEqualTo(firstKey);
            assertThat(unwrap(session.exportKeys(), Base64Url.decode(info.keyBundle(), "key_bundle"))).isEqualTo(secret);
            assertThat(session.exportKeys().derive("other")).isNotEqualTo(firstKey).hasSize(32);
            // Many sealed requests, some concurrent.
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 6; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        session.account();
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(failures).isEmpty();
            assertThat(cluster.count("SELECT request_count FROM sessions WHERE session_id = ?", session.sessionId())).isEqualTo(7);
            // Completing again is refused.
            assertCode(() -> session.complete(new CompleteAccountRequest("AA", device())), 409, "account_already_complete");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void userIdsAreWellFormedAndUniqueRegardlessOfCase() {
        String org = cluster.openOrg();
        String before = cluster.state();
        for (String bad : List.of("ab", "a".repeat(129), "has space", "semi;colon", "ünï", "")) {
            assertCode(() -> client.register(org, bad, pw("pw"), null), 400, "invalid_user_id");
        }
        assertThat(cluster.state()).isEqualTo(before);
        client.register(org, "Bob", pw("pw"), null);
        assertCode(() -> client.register(org, "bob", pw("other"), null), 409, "user_exists");
        assertCode(() -> client.register(org, "BOB", pw("other"), null), 409, "user_exists");
        assertThat(cluster.count("SELECT COUNT(*) FROM users WHERE org = ?", org)).isEqualTo(2); // owner and Bob
    }

    @Test
    void concurrentRegistrationsOfOneIdHaveExactlyOneWinner() throws Exception {
        String org = cluster.openOrg();
        int n = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = i % 2 == 0 ? "Carol" : "carol";
            int node = i % cluster.nodes.size();
            results.add(pool.submit(() -> {
                try (KeywardClient c = cluster.client(node)) {
                    go.await();
                    c.register(org, id, pw("pw"), null);
                    return "ok";
                } catch (KeywardApiException e) {
                    return e.code();
                }
            }));
        }
        go.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).containsOnlyOnce("ok");
        assertThat(outcomes).filteredOn(o -> !o.equals("ok")).containsOnly("user_exists");
        assertThat(cluster.count("SELECT COUNT(*) FROM users WHERE org = ? AND user_key = 'carol'", org)).isEqualTo(1);
    }

    @Test
    void wrongPasswordAndUnknownUserFailAlike() {
        String org = cluster.openOrg();
        activeAccount(org, "dave", "right", new byte[] {1});
        assertCode(() -> client.login(org, "dave", pw("wrong")), 401, "login_failed");
        assertCode(() -> client.login(org, "nobody-here", pw("whatever")), 401, "login_failed");
        // The failed attempts left no pending login and no session.
        assertThat(cluster.count("SELECT COUNT(*) FROM pending_logins WHERE org = ?", org)).isZero();
        assertThat(cluster.count("SELECT COUNT(*) FROM sessions WHERE org = ? AND user_key = 'nobody-here'", org)).isZero();
    }

    @Test
    void anUnknownUserGetsAFakeKe2OfTheSameSizeAndShape() {
        for (String suite : List.of("ristretto255-sha512", "p256-sha256")) {
            String org = cluster.openOrg(suite);
            activeAccount(org, "erin", "pw", new byte[] {1});
            RawApi raw = new RawApi(cluster.node(0));
            RawApi.Started real = raw.loginStart(org, suite, "erin", "pw");
            RawApi.Started fake = raw.loginStart(org, suite, "frank-unknown", "pw");
            assertThat(real.response().status()).isEqualTo(200);
            assertThat(fake.response().status()).isEqualTo(200);
            JsonNode r = real.response().json();
            JsonNode f = fake.response().json();
            assertThat(iterator(f.fieldNames())).isEqualTo(iterator(r.fieldNames()));
            assertThat(f.path("login_id").asText()).hasSameSizeAs(r.path("login_id").asText());
            byte[] realKe2 = Base64Url.decode(r.path("ke2").asText(), "ke2");
            byte[] fakeKe2 = Base64Url.decode(f.path("ke2").asText(), "ke2");
            assertThat(fakeKe2).hasSameSizeAs(realKe2);
            // It parses as a KE2 of the suite; the client fails to open it as with a wrong password.
            io.keyward.crypto.opaque.KE2 ke2 = io.keyward.crypto.opaque.KE2.deserialize(
                    io.keyward.crypto.opaque.OpaqueSuite.fromId(suite), fakeKe2);
            assertThatThrownBy(() -> RawApi.opaque(suite, TestCluster.CHEAP_KSF)
                    .finishLogin(fake.start().state(), ke2, io.keyward.crypto.opaque.Identities.NONE))
                    .isInstanceOf(io.keyward.crypto.opaque.EnvelopeRecoveryException.class);
            // Its finish fails like a wrong password.
            byte[] ke3 = new byte[io.keyward.crypto.opaque.OpaqueSuite.fromId(suite).hashLength()];
            RawApi.Response finish = raw.postJson("/v1/orgs/" + org + "/login/finish",
                    java.util.Map.of("login_id", f.path("login_id").asText(), "ke3", Base64Url.encode(ke3)));
            assertThat(finish.status()).isEqualTo(401);
            assertThat(finish.code()).isEqualTo("login_failed");
        }
    }

    private static List<String> iterator(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void aP256OrgWorksEndToEnd() {
        String org = cluster.openOrg("p256-sha256");
        activeAccount(org, "gina", "pw", "secret".getBytes(StandardCharsets.UTF_8));
        try (Session s = client.login(org, "gina", pw("pw"))) {
            assertThat(unwrap(s.exportKeys(), Base64Url.decode(s.account().keyBundle(), "b"))).asString().isEqualTo("secret");
        }
    }

    // ---- sessions ----

    @Test
    void sessionsExpireAndIdleOut() {
        String org = cluster.openOrg();
        activeAccount(org, "hank", "pw", new byte[] {1});
        Session ttl = client.login(org, "hank", pw("pw"));
        Session idle = client.login(org, "hank", pw("pw"));
        for (int i = 0; i < 6; i++) {
            cluster.clock.advance(Duration.ofMinutes(9)); // under the idle timeout each time
            ttl.account();
        }
        assertCode(idle::account, 401, "session_expired"); // idle for 54 minutes
        cluster.clock.advance(Duration.ofMinutes(7)); // 61 minutes after login
        assertCode(ttl::account, 401, "session_expired");
        try (Session fresh = client.login(org, "hank", pw("pw"))) {
            assertThat(fresh.account().status()).isEqualTo("active");
        }
    }

    @Test
    void requestLimitsIncludingTheStrictOneRequestMode() {
        String org = cluster.openOrg();
        activeAccount(org, "ivy", "pw", new byte[] {1});
        try (Session strict = client.login(org, "ivy", pw("pw"), LoginOptions.requestLimit(1))) {
            assertThat(strict.requestLimit()).isEqualTo(1);
            assertThat(strict.account().session().requestsRemaining()).isZero();
            String before = cluster.state();
            assertCode(strict::account, 403, "request_limit_reached");
            assertThat(cluster.state()).isEqualTo(before);
        }
        try (Session three = client.login(org, "ivy", pw("pw"), LoginOptions.requestLimit(3))) {
            three.account();
            three.account();
            assertThat(three.account().session().requestsRemaining()).isZero();
            assertCode(three::account, 403, "request_limit_reached");
        }
    }

    @Test
    void logoutAndLogoutAll() {
        String org = cluster.openOrg();
        activeAccount(org, "jack", "pw", new byte[] {1});
        Session a = client.login(org, "jack", pw("pw"));
        Session b = client.login(org, "jack", pw("pw"));
        Session c = client.login(org, "jack", pw("pw"));
        a.logout();
        assertCode(a::account, 401, "session_invalid");
        assertThat(b.account().status()).isEqualTo("active");
        b.logoutAll();
        assertCode(b::account, 401, "session_invalid");
        assertCode(c::account, 401, "session_invalid");
        assertThat(cluster.count("SELECT COUNT(*) FROM sessions WHERE org = ? AND user_key = 'jack' AND ended_ms IS NULL", org))
                .isZero();
    }

    @Test
    void passwordChangeReplacesTheRecordRewrapsTheBundleAndEndsOtherSessions() {
        String org = cluster.openOrg();
        byte[] secret = "bundle secret".getBytes(StandardCharsets.UTF_8);
        activeAccount(org, "kate", "old password", secret);
        Session other = client.login(org, "kate", pw("old password"));
        byte[] oldKey;
        try (Session s = client.login(org, "kate", pw("old password"))) {
            oldKey = s.exportKeys().keyBundleKey();
            byte[] oldBundle = Base64Url.decode(s.account().keyBundle(), "b");
            byte[] inner = unwrap(s.exportKeys(), oldBundle);
            s.changePassword(pw("new password"), fresh -> wrap(fresh, inner));
            assertThat(s.exportKeys().keyBundleKey()).isNotEqualTo(oldKey);
            // This session continues and sees the rewrapped bundle.
            byte[] newBundle = Base64Url.decode(s.account().keyBundle(), "b");
            assertThat(newBundle).isNotEqualTo(oldBundle);
            assertThat(unwrap(s.exportKeys(), newBundle)).isEqualTo(secret);
        }
        assertCode(other::account, 401, "session_invalid");
        assertCode(() -> client.login(org, "kate", pw("old password")), 401, "login_failed");
        try (Session s = client.login(org, "kate", pw("new password"))) {
            assertThat(s.exportKeys().keyBundleKey()).isNotEqualTo(oldKey);
            assertThat(unwrap(s.exportKeys(), Base64Url.decode(s.account().keyBundle(), "b"))).isEqualTo(secret);
        }
    }

    @Test
    void failedLoginsAreRateLimitedWithGrowingDelaysAndSuccessResets() {
        String org = cluster.openOrg();
        activeAccount(org, "liam", "pw", new byte[] {1});
        for (int i = 0; i < 3; i++) {
            assertCode(() -> client.login(org, "liam", pw("wrong")), 401, "login_failed");
        }
        // The third failure reached the threshold: the next attempt waits 1 s, even with the right password.
        RawApi raw = new RawApi(cluster.node(cluster.nodes.size() - 1));
        String before = cluster.state();
        RawApi.Started limited = raw.loginStart(org, "ristretto255-sha512", "liam", "pw");
        assertThat(limited.response().status()).isEqualTo(429);
        assertThat(limited.response().code()).isEqualTo("rate_limited");
        assertThat(cluster.state()).isEqualTo(before); // a refused attempt is not counted
        assertCode(() -> client.login(org, "liam", pw("pw")), 429, "rate_limited");
        cluster.clock.advance(Duration.ofSeconds(2));
        assertCode(() -> client.login(org, "liam", pw("wrong")), 401, "login_failed"); // 4th: now blocked for 2 s
        cluster.clock.advance(Duration.ofSeconds(1));
        assertCode(() -> client.login(org, "liam", pw("pw")), 429, "rate_limited");
        cluster.clock.advance(Duration.ofSeconds(2));
        try (Session s = client.login(org, "liam", pw("pw"))) {
            assertThat(s.account().status()).isEqualTo("active");
        }
        // Success cleared the account's count.
        assertThat(cluster.count("SELECT COUNT(*) FROM login_throttles WHERE throttle_key = ?",
                "account:" + org + "/liam")).isZero();
        assertCode(() -> client.login(org, "liam", pw("wrong")), 401, "login_failed");
        // Unknown users are limited like known ones (no enumeration through the limit).
        for (int i = 0; i < 3; i++) {
            assertCode(() -> client.login(org, "ghost", pw("x")), 401, "login_failed");
        }
        assertCode(() -> client.login(org, "ghost", pw("x")), 429, "rate_limited");
    }

    @Test
    void theRetryAfterHeaderSaysWhenToComeBack() {
        String org = cluster.openOrg();
        for (int i = 0; i < 3; i++) {
            assertCode(() -> client.login(org, "mia-unknown", pw("x")), 401, "login_failed");
        }
        RawApi raw = new RawApi(cluster.node(0));
        RawApi.Response limited = raw.send("POST", "/v1/orgs/" + org + "/login/start",
                ("{\"user_id\":\"mia-unknown\",\"ke1\":\"" + Base64Url.encode(
                        RawApi.opaque("ristretto255-sha512", TestCluster.CHEAP_KSF).startLogin(new byte[] {1}).ke1().serialize())
                        + "\"}").getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
    }

    // ---- bad input: each a 4xx problem with its own code, and nothing stored changes ----

    private void assertRefused(RawApi.Response response, int status, String code) {
        assertThat(response.status()).as(code).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
    }

    private static String json(Object... pairs) {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        try {
            return io.keyward.protocol.WireJson.mapper().writeValueAsString(map);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    @Test
    void badRegistrationInputIsRefusedWithoutChangingAnything() {
        String org = cluster.openOrg();
        RawApi raw = new RawApi(cluster.node(0));
        String start = "/v1/orgs/" + org + "/register/start";
        String finish = "/v1/orgs/" + org + "/register/finish";
        byte[] validRecord = RawApi.opaque("ristretto255-sha512", TestCluster.CHEAP_KSF).startRegistration(new byte[] {1})
                .request().serialize();
        String before = cluster.state();
        assertRefused(raw.postJson(start, json("user_id", "nina", "registration_request", "!!notbase64")), 400, "invalid_base64");
        assertRefused(raw.postJson(start, json("user_id", "nina", "registration_request", "AAAA=")), 400, "invalid_base64");
        assertRefused(raw.postJson(start, json("user_id", "nina", "registration_request", Base64Url.encode(new byte[31]))),
                400, "invalid_length");
        assertRefused(raw.postJson(start, json("user_id", "nina", "registration_request", Base64Url.encode(new byte[32]))),
                400, "invalid_element"); // the identity
        assertRefused(raw.postJson(start, json("user_id", "nina", "registration_request", Base64Url.encode(filled(32, 0xff)))),
                400, "invalid_element"); // not a ristretto255 encoding
        assertRefused(raw.postJson(start, json("user_id", "n", "registration_request", Base64Url.encode(validRecord))),
                400, "invalid_user_id");
        assertRefused(raw.postJson(start, "{\"user_id\": \"nina\""), 400, "malformed_json");
        assertRefused(raw.postJson(start, json("user_id", "nina", "registration_request", Base64Url.encode(validRecord),
                "surprise", 1)), 400, "invalid_field");
        int recordLength = 32 + 64 + 32 + 64;
        assertRefused(raw.postJson(finish, json("user_id", "nina", "registration_record", Base64Url.encode(new byte[recordLength - 1]))),
                400, "invalid_length");
        assertRefused(raw.postJson(finish, json("user_id", "nina", "registration_record", Base64Url.encode(new byte[recordLength]))),
                400, "invalid_element"); // identity client public key
        assertRefused(raw.postJson(finish, json("user_id", "nina", "registration_record", "a b")), 400, "invalid_base64");
        assertRefused(new RawApi(cluster.node(0), java.net.http.HttpClient.Version.HTTP_1_1)
                .send("POST", start, new byte[130 * 1024], "application/json"), 413, "body_too_large");
        assertRefused(raw.send("POST", start, "{}".getBytes(StandardCharsets.UTF_8), "text/plain"), 415, "unsupported_media_type");
        assertThat(cluster.state()).isEqualTo(before);
    }

    @Test
    void badLoginInputIsRefusedWithoutChangingAnything() {
        String org = cluster.openOrg();
        activeAccount(org, "olga", "pw", new byte[] {1});
        RawApi raw = new RawApi(cluster.node(0));
        String start = "/v1/orgs/" + org + "/login/start";
        String finish = "/v1/orgs/" + org + "/login/finish";
        byte[] ke1 = RawApi.opaque("ristretto255-sha512", TestCluster.CHEAP_KSF).startLogin(new byte[] {1}).ke1().serialize();
        byte[] identityKeyshare = ke1.clone();
        java.util.Arrays.fill(identityKeyshare, 64, 96, (byte) 0);
        byte[] identityBlind = ke1.clone();
        java.util.Arrays.fill(identityBlind, 0, 32, (byte) 0);
        String before = cluster.state();
        assertRefused(raw.postJson(start, json("user_id", "olga", "ke1", "%%%")), 400, "invalid_base64");
        assertRefused(raw.postJson(start, json("user_id", "olga", "ke1", Base64Url.encode(Bytes.slice(ke1, 0, 95)))),
                400, "invalid_length");
        assertRefused(raw.postJson(start, json("user_id", "olga", "ke1", Base64Url.encode(identityKeyshare))), 400, "invalid_element");
        assertRefused(raw.postJson(start, json("user_id", "olga", "ke1", Base64Url.encode(identityBlind))), 400, "invalid_element");
        assertRefused(raw.postJson(start, json("user_id", "olga", "ke1", Base64Url.encode(filled(96, 0xff)))), 400, "invalid_element");
        assertRefused(raw.postJson(finish, json("login_id", io.keyward.server.session.RandomIds.next(),
                "ke3", Base64Url.encode(new byte[64]))), 400, "login_invalid");
        assertRefused(raw.postJson(finish, json("login_id", "not-a-login-id", "ke3", Base64Url.encode(new byte[64]))),
                400, "login_invalid");
        assertRefused(raw.postJson(finish, json("login_id", io.keyward.server.session.RandomIds.next(),
                "ke3", Base64Url.encode(new byte[63]))), 400, "invalid_length");
        assertRefused(raw.postJson(finish, json("login_id", io.keyward.server.session.RandomIds.next(), "ke3", "AA==")),
                400, "invalid_base64");
        assertRefused(raw.postJson("/v1/orgs/no-such-org/login/start", json("user_id", "olga", "ke1", Base64Url.encode(ke1))),
                404, "org_not_found");
        assertThat(cluster.state()).isEqualTo(before);
    }

    @Test
    void aKe3SentTwiceIsRefused() {
        String org = cluster.openOrg();
        activeAccount(org, "pete", "pw", new byte[] {1});
        RawApi raw = new RawApi(cluster.node(0));
        RawApi.Started started = raw.loginStart(org, "ristretto255-sha512", "pete", "pw");
        io.keyward.crypto.opaque.KE2 ke2 = io.keyward.crypto.opaque.KE2.deserialize(io.keyward.crypto.opaque.OpaqueSuite.RISTRETTO255_SHA512,
                Base64Url.decode(started.response().json().path("ke2").asText(), "ke2"));
        byte[] ke3 = RawApi.opaque("ristretto255-sha512", TestCluster.CHEAP_KSF)
                .finishLogin(started.start().state(), ke2, io.keyward.crypto.opaque.Identities.NONE).ke3().serialize();
        String body = json("login_id", started.response().json().path("login_id").asText(), "ke3", Base64Url.encode(ke3));
        RawApi.Response first = raw.postJson("/v1/orgs/" + org + "/login/finish", body);
        assertThat(first.status()).isEqualTo(200);
        String before = cluster.state();
        // Replayed to the same node and, where there are two, to the other one.
        assertRefused(raw.postJson("/v1/orgs/" + org + "/login/finish", body), 400, "login_invalid");
        RawApi other = new RawApi(cluster.node(cluster.nodes.size() - 1));
        assertRefused(other.postJson("/v1/orgs/" + org + "/login/finish", body), 400, "login_invalid");
        assertThat(cluster.state()).isEqualTo(before);
    }

    @Test
    void anExpiredPendingLoginCannotBeFinished() {
        String org = cluster.openOrg();
        activeAccount(org, "quinn", "pw", new byte[] {1});
        RawApi raw = new RawApi(cluster.node(0));
        RawApi.Started started = raw.loginStart(org, "ristretto255-sha512", "quinn", "pw");
        io.keyward.crypto.opaque.KE2 ke2 = io.keyward.crypto.opaque.KE2.deserialize(io.keyward.crypto.opaque.OpaqueSuite.RISTRETTO255_SHA512,
                Base64Url.decode(started.response().json().path("ke2").asText(), "ke2"));
        byte[] ke3 = RawApi.opaque("ristretto255-sha512", TestCluster.CHEAP_KSF)
                .finishLogin(started.start().state(), ke2, io.keyward.crypto.opaque.Identities.NONE).ke3().serialize();
        cluster.clock.advance(io.keyward.server.session.PendingLogins.TTL.plusSeconds(1));
        assertRefused(raw.postJson("/v1/orgs/" + org + "/login/finish",
                json("login_id", started.response().json().path("login_id").asText(), "ke3", Base64Url.encode(ke3))),
                400, "login_invalid");
    }

    @Test
    void badSealedRequestsAreRefusedBeforeTheSeqIsUsed() {
        String org = cluster.openOrg();
        activeAccount(org, "rosa", "pw", new byte[] {1});
        RawApi raw = new RawApi(cluster.node(0));
        RawApi.RawSession session = raw.login(org, "ristretto255-sha512", "rosa", "pw");
        RawApi.Response ok = raw.sealed(session, "GET", "/v1/account", 1, null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.contentType()).startsWith("application/keyward-sealed");
        assertThat(RawApi.open(session, 1, ok).path("user_id").asText()).isEqualTo("rosa");

        String before = cluster.state();
        // One bit flipped anywhere (ciphertext or tag): seal_invalid, and seq 2 stays unused.
        for (int bit : new int[] {0, 7, 8 * 15 + 3}) {
            RawApi.Response flipped = raw.sealed(session, "GET", "/v1/account", 2, null, b -> {
                byte[] copy = b.clone();
                copy[bit / 8] ^= (byte) (1 << (bit % 8));
                return copy;
            });
            assertRefused(flipped, 400, "seal_invalid");
        }
        // Sealed for another path, another method, another seq: seal_invalid.
        assertRefused(raw.sealed(session, "GET", "/v1/account", 2, null, b ->
                io.keyward.protocol.channel.SealedChannel.sealRequest(session.keys(), "GET", "/v1/other", session.sessionId(), 2,
                        new byte[0])), 400, "seal_invalid");
        assertRefused(raw.sealed(session, "GET", "/v1/account", 2, null, b ->
                io.keyward.protocol.channel.SealedChannel.sealRequest(session.keys(), "POST", "/v1/account", session.sessionId(), 2,
                        new byte[0])), 400, "seal_invalid");
        assertRefused(raw.sealed(session, "GET", "/v1/account", 2, null, b ->
                io.keyward.protocol.channel.SealedChannel.sealRequest(session.keys(), "GET", "/v1/account", session.sessionId(), 3,
                        new byte[0])), 400, "seal_invalid");
        // An empty body, no body, a body under the wrong key.
        assertRefused(raw.sealed(session, "GET", "/v1/account", 2, null, b -> new byte[0]), 400, "seal_invalid");
        assertRefused(raw.sealed(session, "GET", "/v1/account", 2, null, b -> filled(64, 7)), 400, "seal_invalid");
        // Headers.
        assertRefused(raw.send("GET", "/v1/account", new byte[16], "application/keyward-sealed"), 401, "session_invalid");
        for (String seq : List.of("0", "01", "-1", "x", "18446744073709551616")) {
            assertRefused(raw.send("GET", "/v1/account", new byte[16], "application/keyward-sealed",
                    "Keyward-Session", session.sessionId(), "Keyward-Seq", seq), 400, "seq_invalid");
        }
        assertRefused(raw.send("GET", "/v1/account", new byte[16], "application/keyward-sealed",
                "Keyward-Session", io.keyward.server.session.RandomIds.next(), "Keyward-Seq", "2"), 401, "session_invalid");
        assertRefused(raw.send("GET", "/v1/account", new byte[16], "application/keyward-sealed",
                "Keyward-Session", "x", "Keyward-Seq", "2"), 401, "session_invalid");
        assertRefused(raw.send("GET", "/v1/account", new byte[16], "application/json",
                "Keyward-Session", session.sessionId(), "Keyward-Seq", "2"), 415, "unsupported_media_type");
        assertRefused(new RawApi(cluster.node(0), java.net.http.HttpClient.Version.HTTP_1_1)
                .send("POST", "/v1/session/logout", new byte[130 * 1024], "application/keyward-sealed",
                "Keyward-Session", session.sessionId(), "Keyward-Seq", "2"), 413, "body_too_large");
        // A replayed seq.
        assertRefused(raw.sealed(session, "GET", "/v1/account", 1, null), 409, "seq_replayed");
        assertThat(cluster.state()).isEqualTo(before);
        assertThat(cluster.count("SELECT highest_seq FROM sessions WHERE session_id = ?", session.sessionId())).isEqualTo(1);

        // Seq 2 was never used, so it still works; later seqs may arrive out of order within the window.
        assertThat(raw.sealed(session, "GET", "/v1/account", 2, null).status()).isEqualTo(200);
        assertThat(raw.sealed(session, "GET", "/v1/account", 2000, null).status()).isEqualTo(200);
        assertThat(raw.sealed(session, "GET", "/v1/account", 2000 - 1024, null).status()).isEqualTo(200);
        before = cluster.state();
        assertRefused(raw.sealed(session, "GET", "/v1/account", 2000 - 1025, null), 409, "seq_replayed"); // far behind
        assertRefused(raw.sealed(session, "GET", "/v1/account", 3, null), 409, "seq_replayed");
        assertRefused(raw.sealed(session, "GET", "/v1/account", 2000, null), 409, "seq_replayed");
        assertThat(cluster.state()).isEqualTo(before);
        // The window is all that is kept.
        assertThat(cluster.count("SELECT COUNT(*) FROM session_seqs WHERE session_id = ?", session.sessionId())).isLessThanOrEqualTo(1025);

        // After logout, and after expiry, nothing is accepted.
        assertThat(raw.sealed(session, "POST", "/v1/session/logout", 2001, null).status()).isEqualTo(200);
        assertRefused(raw.sealed(session, "GET", "/v1/account", 2002, null), 401, "session_invalid");
        RawApi.RawSession expiring = raw.login(org, "ristretto255-sha512", "rosa", "pw");
        cluster.clock.advance(Duration.ofMinutes(61));
        before = cluster.state();
        assertRefused(raw.sealed(expiring, "GET", "/v1/account", 1, null), 401, "session_expired");
        assertThat(cluster.state()).isEqualTo(before);
    }

    @Test
    void errorsAfterTheSeqWasUsedAreSealed() {
        String org = cluster.openOrg();
        client.register(org, "sam", pw("pw"), null);
        RawApi raw = new RawApi(cluster.node(0));
        RawApi.RawSession registration = raw.login(org, "ristretto255-sha512", "sam", "pw");
        assertThat(registration.login().path("registration_pending").asBoolean()).isTrue();
        String before = cluster.state();
        RawApi.Response refused = raw.sealed(registration, "POST", "/v1/account/complete", 1,
                json("key_bundle", "not base64!", "device", device()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/keyward-sealed");
        JsonNode problem = RawApi.open(registration, 1, refused);
        assertThat(problem.path("code").asText()).isEqualTo("invalid_base64");
        // The account is still pending, with no device; only the seq and the request were used.
        assertThat(cluster.count("SELECT COUNT(*) FROM users WHERE org = ? AND user_key = 'sam' AND status = 'pending'", org))
                .isEqualTo(1);
        assertThat(cluster.count("SELECT COUNT(*) FROM devices WHERE org = ? AND user_key = 'sam'", org)).isZero();
        assertThat(cluster.state()).isNotEqualTo(before);
        // Wrong key lengths for the device.
        RawApi.RawSession again = raw.login(org, "ristretto255-sha512", "sam", "pw");
        RawApi.Response shortKey = raw.sealed(again, "POST", "/v1/account/complete", 1,
                json("key_bundle", "AQID", "device", new DeviceKeys("d", Base64Url.encode(new byte[31]), Base64Url.encode(new byte[32]))));
        assertThat(RawApi.open(again, 1, shortKey).path("code").asText()).isEqualTo("invalid_length");
        RawApi.RawSession third = raw.login(org, "ristretto255-sha512", "sam", "pw");
        RawApi.Response tooBig = raw.sealed(third, "POST", "/v1/account/complete", 1,
                json("key_bundle", Base64Url.encode(new byte[64 * 1024 + 1]), "device", device()));
        assertThat(RawApi.open(third, 1, tooBig).path("code").asText()).isEqualTo("invalid_length");
        assertThat(cluster.count("SELECT COUNT(*) FROM users WHERE org = ? AND user_key = 'sam' AND status = 'pending'", org))
                .isEqualTo(1);
    }
}
