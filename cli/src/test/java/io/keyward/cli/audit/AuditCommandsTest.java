package io.keyward.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyward.cli.CliRunner;
import io.keyward.cli.profile.Environment;
import io.keyward.crypto.util.Base64Url;
import io.keyward.server.KeywardNode;
import io.keyward.server.audit.AuditEvent;
import io.keyward.server.audit.AuditKey;
import io.keyward.server.audit.Outcome;
import io.keyward.server.config.ConfigField;
import io.keyward.server.config.ConfigLoader;
import io.keyward.server.config.ConfigSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keyward admin audit export} against a running node, and {@code keyward offline audit verify}. */
class AuditCommandsTest {
    @TempDir
    static Path dir;

    private static KeywardNode node;
    private static Path tokenFile;
    private static String publicKey;

    @BeforeAll
    static void startNodeWithEntries() throws IOException {
        node = new KeywardNode(ConfigLoader.load(ConfigSources.ofFlags(Map.of(
                ConfigField.DATA_DIR, dir.resolve("data").toString(),
                ConfigField.SERVER_PORT, "0",
                ConfigField.SERVER_SHUTDOWN_GRACE, "0s",
                ConfigField.ACCOUNTS_DEFAULT_ORG_KSF, "argon2id(m=1024,t=1,p=1)"))));
        String token = node.start().adminToken().orElseThrow();
        tokenFile = dir.resolve("admin-token");
        Files.writeString(tokenFile, token + "\n");
        for (int i = 1; i <= 6; i++) {
            node.auditLog().append(new AuditEvent("acme", "user", "alice", null, "secret.read", "secret:s" + i,
                    Outcome.SUCCESS, null, "req-" + i, "127.0.0.1"));
        }
        publicKey = Base64Url.encode(node.auditLog().key().publicKey());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** Runs with a profile directory of its own and only the given environment variables. */
    private static CliRunner.Result run(Map<String, String> env, String stdin, String... args) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("KEYWARD_HOME", dir.resolve("home").toString());
        try (Environment.Scope scope = Environment.use(all)) {
            return CliRunner.run(stdin, args);
        }
    }

    private static CliRunner.Result admin(String... args) {
        List<String> all = new ArrayList<>(List.of("admin", "audit"));
        all.addAll(List.of(args));
        all.addAll(List.of("--server", "https://127.0.0.1:" + node.port(), "--fingerprint", node.fingerprint(),
                "--admin-token-file", tokenFile.toString()));
        return run(Map.of(), "", all.toArray(String[]::new));
    }

    private static Path export(String name) {
        Path file = dir.resolve(name);
        CliRunner.Result run = admin("export", "--org", "acme", "--out", file.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return file;
    }

    @Test
    void anExportOfAnUntouchedChainVerifies() {
        CliRunner.Result checkpoint = admin("checkpoint", "--org", "acme");
        assertThat(checkpoint.exitCode()).as(checkpoint.toString()).isZero();
        assertThat(checkpoint.stdout()).startsWith("checkpoint of org acme at seq ");

        Path file = export("intact.jsonl");
        CliRunner.Result verify = run(Map.of(), "", "offline", "audit", "verify", file.toString(), "--key", publicKey);
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.stdout()).startsWith("intact: org acme, ").contains(" checkpoint");

        // The key as SPKI PEM in a file works too.
        Path pem = dir.resolve("audit-key.pem");
        try {
            Files.writeString(pem, AuditKey.publicKeyPem(node.auditLog().key().publicKey()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(CliRunner.run("", "offline", "audit", "verify", file.toString(), "--key", pem.toString()).exitCode())
                .isZero();
    }

    @Test
    void aLineRemovedFromTheExportIsNamed() throws IOException {
        Path file = export("cut.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.removeIf(line -> line.contains("\"type\":\"entry\"") && line.contains("\"seq\":3,"));
        Files.write(file, lines);
        CliRunner.Result verify = run(Map.of(), "", "offline", "audit", "verify", file.toString(), "--key", publicKey);
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.stderr().strip())
                .isEqualTo("keyward: audit chain broken: entry seq 3 was removed: the chain jumps from seq 2 to 4");
    }

    @Test
    void anEntryEditedInTheDatabaseIsNamedInTheNextExport() {
        node.auditLog().database().inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE audit_entries SET target = 'secret:other' WHERE org = 'acme' AND seq = 5")) {
                return update.executeUpdate();
            }
        });
        Path file = export("edited.jsonl");
        CliRunner.Result verify = run(Map.of(), "", "offline", "audit", "verify", file.toString(), "--key", publicKey,
                "--json");
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.stdout()).contains("\"intact\":false").contains("\"entry_seq\":5")
                .contains("entry seq 5 was changed");
        // Put it back for the other tests.
        node.auditLog().database().inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE audit_entries SET target = 'secret:s5' WHERE org = 'acme' AND seq = 5")) {
                return update.executeUpdate();
            }
        });
    }

    @Test
    void badInputGetsOneLine() throws IOException {
        Path notJson = dir.resolve("not.jsonl");
        Files.writeString(notJson, "hello\n");
        CliRunner.Result run = CliRunner.run("", "offline", "audit", "verify", notJson.toString(), "--key", publicKey);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr().strip()).isEqualTo("keyward: line 1 is not a JSON object");

        CliRunner.Result badKey = CliRunner.run("", "offline", "audit", "verify", notJson.toString(), "--key", "abc");
        assertThat(badKey.exitCode()).isEqualTo(1);
        assertThat(badKey.stderr()).startsWith("keyward: the public key must be").doesNotContain("\tat ");

        CliRunner.Result noToken = run(Map.of(), "", "admin", "audit", "export", "--org", "acme", "--out",
                dir.resolve("x").toString(), "--server", "https://127.0.0.1:" + node.port());
        assertThat(noToken.exitCode()).isEqualTo(1);
        assertThat(noToken.stderr().strip()).startsWith("keyward: admin_token_required: ");
    }

    @Test
    void aUserReadsTheirOwnEntriesWithKeywardAudit() {
        String url = "https://127.0.0.1:" + node.port();
        Map<String, String> password = Map.of("KEYWARD_PASSWORD", "carol's password", "KEYWARD_FINGERPRINT",
                node.fingerprint());
        CliRunner.Result registered = run(password, "", "register", "--server", url, "--org", "default", "--user", "carol");
        assertThat(registered.exitCode()).as(registered.toString()).isZero();
        CliRunner.Result wrong = run(Map.of("KEYWARD_PASSWORD", "not carol's"), "", "whoami");
        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(1);

        CliRunner.Result audit = run(password, "", "audit", "--action", "session.login.finish");
        assertThat(audit.exitCode()).as(audit.toString()).isZero();
        List<String> lines = audit.stdout().lines().toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
        assertThat(lines).anyMatch(line -> line.contains("session.login.finish  denied (login_failed)")
                && line.endsWith("from 127.0.0.1"));
        assertThat(lines).anyMatch(line -> line.contains("session.login.finish  success"));

        CliRunner.Result json = run(password, "", "audit", "--outcome", "denied", "--json");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(json.stdout()).startsWith("{\"entries\":[").contains("\"actor_id\":\"carol\"")
                .contains("\"code\":\"login_failed\"").doesNotContain("\"outcome\":\"success\"");
    }
}
