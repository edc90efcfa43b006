package io.keyward.cli.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.cli.CliRunner;
import io.keyward.cli.profile.Environment;
import io.keyward.cli.profile.Profile;
import io.keyward.cli.profile.ProfileStore;
import io.keyward.cli.profile.ServerAddress;
import io.keyward.client.KeywardApiException;
import io.keyward.client.KeywardClient;
import io.keyward.client.ServerTrust;
import io.keyward.client.Session;
import io.keyward.server.KeywardNode;
import io.keyward.server.StartReport;
import io.keyward.server.testing.TestNodes;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user and admin commands end to end, against an in-process node on SQLite over real HTTPS with
 * its self-signed certificate (so every run also exercises pinning). Cheap key stretching keeps it fast.
 */
class UserCommandsTest {
    static final String CHEAP_KSF = "argon2id(m=1024,t=1,p=1)";

    @TempDir
    static Path nodeDir;

    static KeywardNode node;
    static String adminToken;
    static String url;

    @TempDir
    Path dir;

    @BeforeAll
    static void startNode() {
        node = new KeywardNode(TestNodes.config(nodeDir.resolve("data"), "ACCOUNTS_DEFAULT_ORG_KSF", CHEAP_KSF));
        StartReport report = node.start();
        adminToken = report.adminToken().orElseThrow();
        url = "https://127.0.0.1:" + node.port();
    }

    @AfterAll
    static void stopNode() {
        node.stop();
    }

    /** Runs a command with {@code KEYWARD_HOME=home} and the given other variables, nothing else of the environment. */
    static CliRunner.Result run(Path home, Map<String, String> env, String stdin, String... args) {
        Map<String, String> all = new HashMap<>(env);
        all.put("KEYWARD_HOME", home.toString());
        try (Environment.Scope scope = Environment.use(all)) {
            return CliRunner.run(stdin, args);
        }
    }

    static CliRunner.Result ok(CliRunner.Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    /** Exit 1 and exactly one line on stderr, {@code keyward: <code>: <detail>}, nothing on stdout. */
    static String failsWithOneLine(CliRunner.Result result, String code) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).as(result.toString()).startsWith("keyward: " + code + ": ").endsWith("\n");
        assertThat(result.stderr().strip()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(result.stdout()).isEmpty();
        return result.stderr().strip();
    }

    private String createOrg(Path home, String name, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "admin";
        args[1] = "org";
        args[2] = "create";
        args[3] = name;
        System.arraycopy(more, 0, args, 4, more.length);
        String[] withServer = new String[args.length + 2];
        System.arraycopy(args, 0, withServer, 0, args.length);
        withServer[args.length] = "--server";
        withServer[args.length + 1] = url;
        CliRunner.Result created = ok(run(home, Map.of("KEYWARD_ADMIN_TOKEN", adminToken), "", withServer));
        Matcher token = Pattern.compile("Bootstrap URL: (\\S+)").matcher(created.stdout());
        assertThat(token.find()).as(created.stdout()).isTrue();
        return token.group(1);
    }

    /** A profile directory that already pins the node, so that no first-contact notice precedes an error line. */
    private Path pinnedHome() {
        Path home = dir.resolve("pinned");
        new ProfileStore(home).save(Profile.EMPTY.withPin(ServerAddress.parse(url), node.fingerprint()));
        return home;
    }

    @Test
    void theWholeFlowFromOrgCreationToLogoutAll() throws IOException {
        Path home = dir.resolve("home");
        // An admin creates an org: first contact with a loopback server pins its certificate and says so.
        CliRunner.Result created = ok(run(home, Map.of("KEYWARD_ADMIN_TOKEN", adminToken), "",
                "admin", "org", "create", "acme", "--server", url, "--ksf", CHEAP_KSF));
        assertThat(created.stdout()).contains("Created org acme (suite ristretto255-sha512, registration invitation, ksf "
                + CHEAP_KSF + ")").contains("Bootstrap token (shown only this once): ");
        assertThat(created.stderr()).isEqualTo("Pinned the certificate of " + ServerAddress.parse(url)
                + " on first contact (loopback address): SHA-256 " + node.fingerprint()
                + "; compare it with the fingerprint the server printed.\n");
        Matcher bootstrapUrl = Pattern.compile("Bootstrap URL: (keyward://bootstrap\\S+)").matcher(created.stdout());
        assertThat(bootstrapUrl.find()).isTrue();
        ProfileStore store = new ProfileStore(home);
        assertThat(store.load().pinFor(ServerAddress.parse(url))).isEqualTo(node.fingerprint());

        // Its first user bootstraps it and becomes the owner; the URL names server and org.
        CliRunner.Result bootstrapped = ok(run(home, Map.of(), "alice's password\n",
                "org", "bootstrap", "--url", bootstrapUrl.group(1), "--user", "alice", "--password-stdin"));
        assertThat(bootstrapped.stdout()).contains("Bootstrapped org acme: registered alice in org acme on "
                + ServerAddress.parse(url) + " (role owner); the account is complete.");
        assertThat(bootstrapped.stderr()).isEmpty(); // already pinned: no notice
        // The token was for one use.
        failsWithOneLine(run(home, Map.of(), "x-password\n", "org", "bootstrap", "--url", bootstrapUrl.group(1),
                "--user", "mallory", "--password-stdin"), "token_invalid");

        // Bob registers in the default org (open registration), then logs in: the profile remembers him.
        CliRunner.Result registered = ok(run(home, Map.of("KEYWARD_PASSWORD", "bob's first password"), "",
                "register", "--server", url, "--org", "default", "--user", "bob", "--json"));
        JsonNode reg = new ObjectMapper().readTree(registered.stdout());
        assertThat(reg.get("user_id").asText()).isEqualTo("bob");
        assertThat(reg.get("status").asText()).isEqualTo("active");
        Path deviceFile = Path.of(reg.get("device_key_file").asText());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(deviceFile))).isEqualTo("rw-------");
        ok(run(home, Map.of(), "bob's first password\n", "login", "--org", "default", "--user", "bob", "--password-stdin"));
        Profile profile = store.load();
        assertThat(profile.org()).isEqualTo("default");
        assertThat(profile.userId()).isEqualTo("bob");
        assertThat(profile.server()).isEqualTo(ServerAddress.parse(url).origin());

        // The profile holds no secret and is private.
        String profileText = Files.readString(store.file());
        assertThat(profileText).doesNotContain("password").doesNotContain("session");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");

        // whoami needs no flags now.
        CliRunner.Result whoami = ok(run(home, Map.of("KEYWARD_PASSWORD", "bob's first password"), "", "whoami"));
        assertThat(whoami.stdout()).isEqualTo("bob in org default on " + ServerAddress.parse(url) + " (role member, active)\n");

        // A session opened elsewhere, to see passwd and logout --all end it.
        try (KeywardClient sdk = KeywardClient.connect(URI.create(url), ServerTrust.pinned(node.fingerprint()))) {
            Session other = sdk.login("default", "bob", "bob's first password".toCharArray());
            other.account();

            ok(run(home, Map.of(), "bob's first password\nbob's second password\n", "passwd", "--password-stdin"));
            assertCode(() -> other.account(), "session_invalid");

            String refused = failsWithOneLine(run(home, Map.of("KEYWARD_PASSWORD", "bob's first password"), "", "whoami"),
                    "login_failed");
            assertThat(refused).isEqualTo("keyward: login_failed: the user id or password is wrong");
            ok(run(home, Map.of("KEYWARD_PASSWORD", "bob's second password"), "", "whoami"));

            Session again = sdk.login("default", "bob", "bob's second password".toCharArray());
            again.account();
            CliRunner.Result logout = ok(run(home, Map.of("KEYWARD_PASSWORD", "bob's second password"), "",
                    "logout", "--all"));
            assertThat(logout.stdout()).startsWith("Ended every session of bob in org default");
            assertCode(() -> again.account(), "session_invalid");
        }
        assertThat(store.load().userId()).isNull();
        assertThat(store.load().pinFor(ServerAddress.parse(url))).isEqualTo(node.fingerprint());
    }

    @Test
    void loginCompletesAnAccountWhoseRegistrationWasInterruptedAndLogoutForgetsTheUser() {
        Path home = pinnedHome();
        try (KeywardClient sdk = KeywardClient.connect(URI.create(url), ServerTrust.pinned(node.fingerprint()))) {
            // Registered, never completed: as if the first register had been cut off after register/finish.
            assertThat(sdk.register("default", "dora", "dora's password".toCharArray(), null).status()).isEqualTo("pending");
        }
        CliRunner.Result login = ok(run(home, Map.of("KEYWARD_PASSWORD", "dora's password"), "",
                "login", "--server", url, "--user", "dora"));
        // The completion made the secret-storage key: its recovery key is shown once, then what happened.
        assertThat(login.stderr()).startsWith("Recovery key (shown once;")
                .containsPattern("\n  (\\S{4} ){11}\\S{4}\n")
                .endsWith("Completed the pending account dora (its registration had been interrupted) with this"
                + " machine as its first device.\n");
        assertThat(login.stdout()).startsWith("Logged in as dora in org default");
        assertThat(ok(run(home, Map.of("KEYWARD_PASSWORD", "dora's password"), "", "whoami")).stdout()).contains("active");

        CliRunner.Result logout = ok(run(home, Map.of(), "", "logout", "--json"));
        assertThat(logout.stdout()).isEqualTo("{\"server\":\"" + ServerAddress.parse(url).origin() + "\",\"org\":\"default\","
                + "\"user_id\":\"dora\",\"all_sessions_ended\":false,\"profile_user_forgotten\":true}\n");
        assertThat(new ProfileStore(home).load().userId()).isNull();
        failsWithOneLine(run(home, Map.of("KEYWARD_PASSWORD", "dora's password"), "", "whoami"), "invalid_input");
    }

    @Test
    void aChangedCertificateIsRefusedNamingBothFingerprintsAndHowToRepin() {
        Path home = dir.resolve("home");
        String wrong = "AB:".repeat(31) + "AB";
        new ProfileStore(home).save(Profile.EMPTY.withPin(ServerAddress.parse(url), wrong));
        String line = failsWithOneLine(run(home, Map.of("KEYWARD_PASSWORD", "pw-whatever"), "",
                "whoami", "--server", url, "--user", "nobody"), "server_untrusted");
        assertThat(line).contains("pinned " + wrong).contains("presented " + node.fingerprint())
                .contains("re-pin with --fingerprint " + node.fingerprint());

        // A wrong --fingerprint is refused too; the right one re-pins.
        failsWithOneLine(run(home, Map.of("KEYWARD_FINGERPRINT", wrong), "", "admin", "org", "invite", "--org", "default",
                "--server", url, "--admin-token-file", "/nonexistent"), "invalid_input");
        String explicit = failsWithOneLine(run(home, Map.of("KEYWARD_ADMIN_TOKEN", adminToken, "KEYWARD_FINGERPRINT",
                "cd".repeat(32)), "", "admin", "org", "invite", "--org", "default", "--server", url), "server_untrusted");
        assertThat(explicit).contains("not the " + "CD:".repeat(31) + "CD");
        ok(run(home, Map.of("KEYWARD_ADMIN_TOKEN", adminToken), "",
                "admin", "org", "invite", "--org", "default", "--server", url, "--fingerprint", node.fingerprint().toLowerCase()));
        assertThat(new ProfileStore(home).load().pinFor(ServerAddress.parse(url))).isEqualTo(node.fingerprint());
    }

    @Test
    void firstUseOfALoopbackServerPinsAndPrintsItsFingerprint() {
        Path home = dir.resolve("fresh");
        String localhost = url.replace("127.0.0.1", "localhost");
        CliRunner.Result result = run(home, Map.of("KEYWARD_PASSWORD", "nobody's password"), "",
                "whoami", "--server", localhost, "--user", "nobody");
        // The login fails (no such user), but the server was reached over TLS: its certificate is pinned,
        // and the notice says so on its own line before the error.
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().lines().toList()).containsExactly(
                "Pinned the certificate of " + ServerAddress.parse(localhost) + " on first contact (loopback address): SHA-256 "
                        + node.fingerprint() + "; compare it with the fingerprint the server printed.",
                "keyward: login_failed: the user id or password is wrong");
        assertThat(new ProfileStore(home).load().pinFor(ServerAddress.parse(url.replace("127.0.0.1", "localhost"))))
                .isEqualTo(node.fingerprint());
    }

    @Test
    void withoutAPasswordSourceTheCommandSaysWhereOneCanComeFrom() {
        // Refused before the server is contacted: nothing pinned, no notice.
        String line = failsWithOneLine(run(dir, Map.of(), "", "login", "--server", url, "--user", "bob"), "password_required");
        assertThat(new ProfileStore(dir).load()).isEqualTo(Profile.EMPTY);
        assertThat(line).isEqualTo("keyward: password_required: a password for bob is needed and there is no terminal"
                + " to ask it on: use --password-stdin or set KEYWARD_PASSWORD");
        Path pinned = pinnedHome();
        failsWithOneLine(run(pinned, Map.of(), "", "login", "--server", url, "--user", "bob", "--password-stdin"),
                "password_required");
        failsWithOneLine(run(pinned, Map.of("KEYWARD_PASSWORD", "current"), "", "passwd", "--server", url, "--user", "bob"),
                "password_required");
    }

    @Test
    void badInputAndServerRefusalsAreOneLine() {
        Path dir = pinnedHome();
        failsWithOneLine(run(dir, Map.of(), "", "whoami", "--server", "http://127.0.0.1:1"), "invalid_input");
        failsWithOneLine(run(dir, Map.of("KEYWARD_PASSWORD", "a password"), "", "register", "--server", url,
                "--user", "x"), "invalid_user_id");
        failsWithOneLine(run(dir, Map.of("KEYWARD_PASSWORD", "a password"), "", "register", "--server", url,
                "--org", "no-such-org", "--user", "carol"), "org_not_found");
        failsWithOneLine(run(dir, Map.of(), "", "admin", "org", "create", "beta", "--server", url), "admin_token_required");
        failsWithOneLine(run(dir, Map.of("KEYWARD_ADMIN_TOKEN", "not-the-token"), "", "admin", "org", "create", "beta",
                "--server", url), "unauthorized");
        failsWithOneLine(run(dir, Map.of("KEYWARD_ADMIN_TOKEN", adminToken), "", "admin", "org", "create", "beta",
                "--server", url, "--ksf", "md5"), "invalid_field");
        assertThat(failsWithOneLine(run(dir, Map.of("KEYWARD_PASSWORD", "a password"), "", "whoami", "--server",
                "https://127.0.0.1:1", "--user", "carol"), "connection_failed"))
                .isEqualTo("keyward: connection_failed: cannot reach https://127.0.0.1:1: connection refused"
                        + " (is the server running on that port?)");
        // An invitation org refuses registration without a token.
        createOrg(dir, "gamma", "--ksf", CHEAP_KSF);
        failsWithOneLine(run(dir, Map.of("KEYWARD_PASSWORD", "a password"), "", "register", "--server", url,
                "--org", "gamma", "--user", "carol"), "bootstrap_required");
        // Usage errors exit 2.
        assertThat(run(dir, Map.of(), "", "register", "--bogus").exitCode()).isEqualTo(2);
    }

    @Test
    void helpListsOptionsAndExitCodes() {
        for (String command : new String[] {"register", "login", "whoami", "passwd", "logout"}) {
            CliRunner.Result help = ok(run(dir, Map.of(), "", command, "--help"));
            assertThat(help.stdout()).contains("--server").contains("--org").contains("--user").contains("--password-stdin")
                    .contains("--json").contains("Exit codes:");
        }
        assertThat(ok(run(dir, Map.of(), "", "whoami", "--help")).stdout()).contains("keeps no session on disk");
        assertThat(ok(run(dir, Map.of(), "", "org", "bootstrap", "--help")).stdout()).contains("--sequester-key");
        assertThat(ok(run(dir, Map.of(), "", "admin", "org", "create", "--help")).stdout()).contains("--admin-token-file")
                .contains("--registration");
    }

    static void assertCode(ThrowableAssert.ThrowingCallable call, String code) {
        org.assertj.core.api.Assertions.assertThatThrownBy(call).isInstanceOf(KeywardApiException.class)
                .satisfies(e -> assertThat(((KeywardApiException) e).code()).isEqualTo(code));
    }
}
