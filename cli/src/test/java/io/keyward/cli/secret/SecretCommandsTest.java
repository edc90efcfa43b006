package io.keyward.cli.secret;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.cli.CliRunner;
import io.keyward.cli.profile.Environment;
import io.keyward.server.KeywardNode;
import io.keyward.server.testing.TestNodes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keyward secret ...}, {@code secret-key ...} and {@code offline secret decrypt} against an in-process node. */
class SecretCommandsTest {
    static final String CHEAP_KSF = "argon2id(m=1024,t=1,p=1)";

    @TempDir
    static Path nodeDir;

    static KeywardNode node;
    static String url;

    @TempDir
    Path dir;

    @BeforeAll
    static void startNode() {
        node = new KeywardNode(TestNodes.config(nodeDir.resolve("data"), "ACCOUNTS_DEFAULT_ORG_KSF", CHEAP_KSF));
        node.start();
        url = "https://127.0.0.1:" + node.port();
    }

    @AfterAll
    static void stopNode() {
        node.stop();
    }

    CliRunner.Result run(Map<String, String> env, String stdin, String... args) {
        Map<String, String> all = new HashMap<>(env);
        all.put("KEYWARD_HOME", dir.resolve("home").toString());
        try (Environment.Scope scope = Environment.use(all)) {
            return CliRunner.run(stdin, args);
        }
    }

    static CliRunner.Result ok(CliRunner.Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    @Test
    void registerPutGetListHistoryRmExportAndDecryptOfflineWithTheRecoveryKey() throws Exception {
        Map<String, String> pw = Map.of("KEYWARD_PASSWORD", "first password");
        JsonNode registered = new ObjectMapper().readTree(ok(run(pw, "", "register", "--server", url, "--org", "default",
                "--user", "carol", "--json")).stdout());
        String recoveryKey = registered.get("recovery_key").asText();
        assertThat(recoveryKey).matches("(\\S{4} ){11}\\S{4}");

        ok(run(pw, "s3cret value one", "secret", "put", "db.password"));
        // with --password-stdin the password is the first line and the value follows it
        ok(run(Map.of(), "first password\ns3cret value two", "secret", "put", "db.password", "--password-stdin"));
        Path file = dir.resolve("token.txt");
        Files.writeString(file, "api token value");
        ok(run(pw, "", "secret", "put", "api.token", "--file", file.toString(), "--replaces", "0"));
        CliRunner.Result conflict = run(pw, "x", "secret", "put", "api.token", "--replaces", "0");
        assertThat(conflict.exitCode()).isEqualTo(1);
        assertThat(conflict.stderr()).startsWith("keyward: version_conflict: ");

        assertThat(ok(run(pw, "", "secret", "get", "db.password")).stdout()).isEqualTo("s3cret value two");
        assertThat(ok(run(pw, "", "secret", "get", "db.password", "--version", "1")).stdout()).isEqualTo("s3cret value one");
        assertThat(ok(run(pw, "", "secret", "list")).stdout()).contains("api.token\tv1").contains("db.password\tv2");
        assertThat(ok(run(pw, "", "secret", "history", "db.password")).stdout().lines()).hasSize(2);

        Path export = dir.resolve("export.json");
        ok(run(pw, "", "secret", "export", "--out", export.toString()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(export))).isEqualTo("rw-------");
        String exported = Files.readString(export);
        assertThat(exported).doesNotContain("s3cret").doesNotContain("api token value");
        JsonNode opened = new ObjectMapper().readTree(ok(run(Map.of(), "", "offline", "secret", "decrypt", export.toString(),
                "--recovery-key", recoveryKey)).stdout());
        assertThat(opened.get("db.password").get("value").asText()).isEqualTo("s3cret value two");
        assertThat(opened.get("api.token").get("value").asText()).isEqualTo("api token value");
        CliRunner.Result wrongKey = run(Map.of(), "", "offline", "secret", "decrypt", export.toString(), "--recovery-key",
                "EsTj 3yST y93F SLpB jJsz eAXc 2XzA ygD3 w69H fGaN TKBj jXEd");
        assertThat(wrongKey.exitCode()).isEqualTo(1);
        assertThat(wrongKey.stderr()).startsWith("keyward: key_mismatch");

        // a new password rewraps the key: every secret still opens
        ok(run(Map.of("KEYWARD_PASSWORD", "first password", "KEYWARD_NEW_PASSWORD", "second password"), "", "passwd"));
        Map<String, String> pw2 = Map.of("KEYWARD_PASSWORD", "second password");
        assertThat(ok(run(pw2, "", "secret", "get", "api.token")).stdout()).isEqualTo("api token value");

        ok(run(pw2, "", "secret", "rm", "api.token"));
        assertThat(run(pw2, "", "secret", "get", "api.token").stderr()).startsWith("keyward: secret_not_found");

        JsonNode added = new ObjectMapper().readTree(ok(run(pw2, "", "secret-key", "add", "--name", "spare", "--json")).stdout());
        assertThat(ok(run(pw2, "", "secret-key", "list")).stdout()).contains(added.get("key_id").asText()).contains("spare");
        ok(run(pw2, "", "secret-key", "rm", added.get("key_id").asText()));
        JsonNode fromPassphrase = new ObjectMapper().readTree(ok(run(Map.of(), "second password\nmy long passphrase\n",
                "secret-key", "add", "--passphrase", "--iterations", "1000", "--password-stdin", "--json")).stdout());
        JsonNode listed = new ObjectMapper().readTree(ok(run(pw2, "", "secret-key", "list", "--json")).stdout());
        assertThat(listed.get("keys").findValues("passphrase").stream().filter(JsonNode::asBoolean).count()).isEqualTo(1);
        ok(run(pw2, "", "secret-key", "rm", fromPassphrase.get("key_id").asText()));
        assertThat(ok(run(pw2, "", "secret-key", "list")).stdout()).doesNotContain(added.get("key_id").asText());
        assertThat(new String(Files.readAllBytes(export), StandardCharsets.UTF_8)).contains("keyward-secret-export-v1");

        // forgot "second password": the recovery key sets a third one, and the secrets read again
        CliRunner.Result wrong = run(Map.of(), "EsTj 3yST y93F SLpB jJsz eAXc 2XzA ygD3 w69H fGaN TKBj jXEd\nthird password\n",
                "recover", "--password-stdin");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.stderr()).startsWith("keyward: recovery_failed");
        ok(run(Map.of("KEYWARD_RECOVERY_KEY", recoveryKey, "KEYWARD_NEW_PASSWORD", "third password"), "", "recover"));
        assertThat(run(pw2, "", "secret", "get", "db.password").stderr()).startsWith("keyward: login_failed");
        assertThat(ok(run(Map.of("KEYWARD_PASSWORD", "third password"), "", "secret", "get", "db.password")).stdout())
                .isEqualTo("s3cret value two");
    }
}
