package io.keyward.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyward.cli.CliRunner;
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
                ConfigField.SERVER_SHUTDOWN_GRACE, "0s"))));
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

    private static CliRunner.Result admin(String... args) {
        List<String> all = new ArrayList<>(List.of("admin", "audit"));
        all.addAll(List.of(args));
        all.addAll(List.of("--server", "https://127.0.0.1:" + node.port(), "--fingerprint", node.fingerprint(),
                "--admin-token-file", tokenFile.toString()));
        return CliRunner.run("", all.toArray(String[]::new));
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
        CliRunner.Result verify = CliRunner.run("", "offline", "audit", "verify", file.toString(), "--key", publicKey);
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
        CliRunner.Result verify = CliRunner.run("", "offline", "audit", "verify", file.toString(), "--key", publicKey);
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
        CliRunner.Result verify = CliRunner.run("", "offline", "audit", "verify", file.toString(), "--key", publicKey,
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

        CliRunner.Result noToken = CliRunner.run("", "admin", "audit", "export", "--org", "acme", "--out",
                dir.resolve("x").toString(), "--server", "https://127.0.0.1:" + node.port(), "--admin-token-file",
                dir.resolve("missing").toString());
        assertThat(noToken.exitCode()).isEqualTo(1);
        assertThat(noToken.stderr().strip()).isEqualTo("keyward: no such admin token file: " + dir.resolve("missing"));
    }
}
