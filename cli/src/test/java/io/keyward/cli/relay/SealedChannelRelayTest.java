package io.keyward.cli.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyward.cli.CliRunner;
import io.keyward.cli.profile.Environment;
import io.keyward.cli.profile.Fingerprints;
import io.keyward.client.KeywardApiException;
import io.keyward.client.KeywardClient;
import io.keyward.client.ServerTrust;
import io.keyward.client.Session;
import io.keyward.crypto.util.Base64Url;
import io.keyward.protocol.WireJson;
import io.keyward.protocol.account.AccountInfo;
import io.keyward.protocol.account.CompleteAccountRequest;
import io.keyward.protocol.account.DeviceKeys;
import io.keyward.server.KeywardNode;
import io.keyward.server.testing.TestNodes;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, "Done when": a relay between client and server never sees a secret-bearing request body in
 * the clear, and a request it captured and replays is refused. Two relays: a plain TCP relay (TLS is
 * end to end through it, so it sees TLS records), and a TLS-terminating relay that the client pins as
 * it would a load balancer, which sees every HTTP request decrypted: there only the sealed channel
 * protects the bodies.
 */
class SealedChannelRelayTest {
    static final String CHEAP_KSF = "argon2id(m=1024,t=1,p=1)";
    static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    static Path nodeDir;

    static KeywardNode node;

    @TempDir
    Path dir;

    @BeforeAll
    static void startNode() {
        node = new KeywardNode(TestNodes.config(nodeDir.resolve("data"), "ACCOUNTS_DEFAULT_ORG_KSF", CHEAP_KSF));
        node.start();
    }

    @AfterAll
    static void stopNode() {
        node.stop();
    }

    /** The secrets one account's life sends: the password, the key bundle, and a test secret in a sealed request. */
    record Secrets(String user, char[] password, byte[] keyBundle, byte[] testSecret) {
        static Secrets random(String user) {
            byte[] bundle = new byte[48];
            byte[] secret = new byte[24];
            RANDOM.nextBytes(bundle);
            RANDOM.nextBytes(secret);
            return new Secrets(user, ("pw-" + Base64Url.encode(secret)).toCharArray(), bundle, secret);
        }

        /** Every form in which these secrets could show: raw, base64url, base64, and as the JSON value. */
        List<byte[]> forms() {
            List<byte[]> forms = new ArrayList<>();
            for (byte[] secret : List.of(keyBundle, testSecret, new String(password).getBytes(StandardCharsets.UTF_8))) {
                forms.add(secret);
                forms.add(Base64Url.encode(secret).getBytes(StandardCharsets.US_ASCII));
                forms.add(Base64.getEncoder().encode(secret));
                forms.add(Base64.getUrlEncoder().encode(secret));
                // A 16-byte piece from the middle, in case of any re-encoding at an odd offset.
                forms.add(Base64Url.encode(java.util.Arrays.copyOfRange(secret, 3, 19)).substring(2, 18)
                        .getBytes(StandardCharsets.US_ASCII));
            }
            return forms;
        }
    }

    /**
     * Registers and completes an account through {@code server}, then logs in and sends two sealed
     * requests: {@code GET /v1/account} and one carrying the test secret.
     */
    interface WhileLoggedIn {
        void run() throws IOException;
    }

    static void accountLife(URI server, ServerTrust trust, Secrets secrets) throws IOException {
        accountLife(server, trust, secrets, () -> { });
    }

    /** As above; {@code whileLoggedIn} runs after the sealed requests, while the session is still live. */
    static void accountLife(URI server, ServerTrust trust, Secrets secrets, WhileLoggedIn whileLoggedIn) throws IOException {
        try (KeywardClient client = KeywardClient.connect(server, trust)) {
            client.register("default", secrets.user(), secrets.password(), null);
            Session registration = client.login("default", secrets.user(), secrets.password());
            registration.complete(new CompleteAccountRequest(Base64Url.encode(secrets.keyBundle()),
                    new DeviceKeys("relay-test", Base64Url.encode(new byte[32]), Base64Url.encode(new byte[32]))));
            registration.close();
            try (Session session = client.login("default", secrets.user(), secrets.password())) {
                AccountInfo account = session.account();
                assertThat(account.keyBundle()).isEqualTo(Base64Url.encode(secrets.keyBundle()));
                try {
                    // A sealed request whose body is a secret; the route refuses it, after it crossed sealed.
                    session.call("POST", "/v1/account/complete", Map.of("test_secret", Base64Url.encode(secrets.testSecret())),
                            Void.class);
                } catch (KeywardApiException expected) {
                    assertThat(expected.code()).isEqualTo("account_already_complete");
                }
                whileLoggedIn.run();
            }
        }
    }

    static void assertNoSecretIn(byte[] log, Secrets secrets) {
        for (byte[] form : secrets.forms()) {
            assertThat(HttpCapture.contains(log, form)).as("relay log contains " + new String(form, StandardCharsets.ISO_8859_1))
                    .isFalse();
        }
    }

    @Test
    void aPlainRelaySeesOnlyTlsRecords() throws IOException {
        Secrets secrets = Secrets.random("relay-plain");
        try (Relay relay = Relay.plain(node.port())) {
            accountLife(URI.create("https://127.0.0.1:" + relay.port()), ServerTrust.pinned(node.fingerprint()), secrets);
            byte[] log = relay.clientBytes();
            assertThat(log.length).isGreaterThan(1000);
            assertThat(log[0]).as("a TLS handshake record").isEqualTo((byte) 0x16);
            assertNoSecretIn(log, secrets);
            assertNoSecretIn(relay.serverBytes(), secrets);
            assertThat(HttpCapture.contains(log, "/v1/account".getBytes(StandardCharsets.US_ASCII))).isFalse();
        }
    }

    @Test
    void aTlsTerminatingRelaySeesOnlySealedBodiesAndItsReplaysAreRefused() throws IOException {
        Secrets secrets = Secrets.random("relay-tls");
        try (TlsTerminatingRelay relay = TlsTerminatingRelay.start(dir, node.port(), node.certificate())) {
            URI through = URI.create("https://127.0.0.1:" + relay.port());
            accountLife(through, ServerTrust.pinned(Fingerprints.of(relay.certificate())), secrets,
                    () -> replaysAreRefused(relay));
            // After logout, the same capture is refused for its session.
            HttpCapture.Message account = HttpCapture.parse(relay.clientBytes()).stream()
                    .filter(r -> r.startLine().startsWith("GET /v1/account ")).findFirst().orElseThrow();
            assertProblem(RawHttps.exchange(relay.certificate(), relay.port(), account.raw()), "session_invalid");

            byte[] log = relay.clientBytes();
            List<HttpCapture.Message> requests = HttpCapture.parse(log);
            // The relay really reads the traffic: it sees every request line and the plain login messages ...
            assertThat(requests).extracting(HttpCapture.Message::startLine).contains(
                    "POST /v1/orgs/default/register/start HTTP/1.1", "POST /v1/orgs/default/login/finish HTTP/1.1",
                    "POST /v1/account/complete HTTP/1.1", "GET /v1/account HTTP/1.1");
            assertThat(HttpCapture.contains(log, "\"ke1\"".getBytes(StandardCharsets.US_ASCII))).isTrue();
            // ... but not the key bundle, the test secret, or the password, in any encoding, nor any sealed JSON.
            assertNoSecretIn(log, secrets);
            List<HttpCapture.Message> sealed = requests.stream()
                    .filter(r -> r.headers().containsKey("keyward-session")).toList();
            assertThat(sealed).hasSizeGreaterThanOrEqualTo(4);
            for (HttpCapture.Message request : sealed) {
                assertThat(request.headers().get("content-type")).isEqualTo("application/keyward-sealed");
                assertThat(new String(request.body(), StandardCharsets.ISO_8859_1)).doesNotContain("key_bundle")
                        .doesNotContain("test_secret").doesNotContain("device");
            }
            // The answers crossed sealed too: the key bundle went back in GET /v1/account's answer.
            assertNoSecretIn(relay.serverBytes(), secrets);
        }
    }

    /** Replays through the relay what it captured, while the session is live. */
    private static void replaysAreRefused(TlsTerminatingRelay relay) throws IOException {
        List<HttpCapture.Message> sealed = HttpCapture.parse(relay.clientBytes()).stream()
                .filter(r -> r.headers().containsKey("keyward-session")).toList();
        // Replaying the captured GET /v1/account through the relay: the server refuses the used seq.
        HttpCapture.Message account = sealed.stream().filter(r -> r.startLine().startsWith("GET /v1/account ")).findFirst()
                .orElseThrow();
        HttpCapture.Message replayed = RawHttps.exchange(relay.certificate(), relay.port(), account.raw());
        assertProblem(replayed, "seq_replayed");
        // The same request with one bit of its sealed body flipped is refused before its seq is looked at.
        byte[] altered = account.raw().clone();
        altered[altered.length - 1] ^= 0x01;
        assertProblem(RawHttps.exchange(relay.certificate(), relay.port(), altered), "seal_invalid");
        // And moved to an unused seq, it no longer authenticates (the seq is bound into the seal).
        String head = new String(account.raw(), StandardCharsets.ISO_8859_1);
        String seq = account.headers().get("keyward-seq");
        byte[] moved = head.replaceFirst("(?i)(\r\nkeyward-seq: *)" + seq + "\r\n", "$1" + (Long.parseLong(seq) + 100) + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(moved).isNotEqualTo(account.raw());
        assertProblem(RawHttps.exchange(relay.certificate(), relay.port(), moved), "seal_invalid");
    }

    @Test
    void theCommandLineThroughATlsTerminatingRelaySendsDeviceKeysAndPasswordsOnlySealed() throws IOException {
        try (TlsTerminatingRelay relay = TlsTerminatingRelay.start(dir, node.port(), node.certificate())) {
            String server = "https://127.0.0.1:" + relay.port();
            String password = "cli through relay " + Base64Url.encode(new byte[] {1, 2, 3, 4, 5, 6});
            String newPassword = "cli new password " + Base64Url.encode(new byte[] {9, 8, 7, 6, 5, 4});
            Map<String, String> env = Map.of("KEYWARD_HOME", dir.resolve("home").toString(),
                    "KEYWARD_FINGERPRINT", Fingerprints.of(relay.certificate()));
            CliRunner.Result registered;
            try (Environment.Scope scope = Environment.use(withPassword(env, password))) {
                registered = CliRunner.run("", "register", "--server", server, "--user", "cli-relay", "--json");
            }
            assertThat(registered.exitCode()).as(registered.toString()).isZero();
            try (Environment.Scope scope = Environment.use(env)) {
                CliRunner.Result changed = CliRunner.run(password + "\n" + newPassword + "\n", "passwd", "--password-stdin");
                assertThat(changed.exitCode()).as(changed.toString()).isZero();
            }
            JsonNode device = WireJson.mapper().readTree(
                    Path.of(WireJson.mapper().readTree(registered.stdout()).get("device_key_file").asText()).toFile());
            byte[] log = relay.clientBytes();
            assertThat(HttpCapture.parse(log)).extracting(HttpCapture.Message::startLine)
                    .contains("POST /v1/account/complete HTTP/1.1", "POST /v1/account/password/finish HTTP/1.1");
            for (String field : List.of("x25519_public_key", "ed25519_public_key", "x25519_private_key", "ed25519_private_key")) {
                String value = device.get(field).asText();
                assertThat(HttpCapture.contains(log, value.getBytes(StandardCharsets.US_ASCII))).as(field).isFalse();
                assertThat(HttpCapture.contains(log, Base64Url.decode(value, field))).as(field).isFalse();
            }
            for (String secret : List.of(password, newPassword)) {
                assertThat(HttpCapture.contains(log, secret.getBytes(StandardCharsets.UTF_8))).isFalse();
                assertThat(HttpCapture.contains(log, Base64.getEncoder().encode(secret.getBytes(StandardCharsets.UTF_8))))
                        .isFalse();
            }
            assertThat(HttpCapture.contains(log, "key_bundle".getBytes(StandardCharsets.US_ASCII))).isFalse();
        }
    }

    private static Map<String, String> withPassword(Map<String, String> env, String password) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("KEYWARD_PASSWORD", password);
        return all;
    }

    static void assertProblem(HttpCapture.Message response, String code) throws IOException {
        assertThat(response.status()).as(response.startLine()).isBetween(400, 499);
        assertThat(response.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(WireJson.mapper().readTree(response.body()).get("code").asText()).isEqualTo(code);
    }
}
