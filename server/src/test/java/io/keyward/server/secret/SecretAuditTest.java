package io.keyward.server.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyward.client.Session;
import io.keyward.client.secrets.NewKeyBundle;
import io.keyward.client.secrets.SecretStorage;
import io.keyward.crypto.ssss.SecretStorageKey;
import io.keyward.server.audit.AuditEntry;
import io.keyward.server.audit.AuditQuery;
import io.keyward.server.audit.AuditTestExports;
import io.keyward.server.audit.AuditVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secret storage in the audit chain: each change has exactly one entry (appended in the transaction that
 * commits it), and recovery start and finish are recorded like logins, with org, user id, client and
 * outcome, whether the proof verifies, fails, or the account cannot be recovered.
 */
class SecretAuditTest {
    @TempDir
    Path dir;

    @Test
    void changesAndRecoveryAttemptsAreRecordedOnceWithTheUserAndOutcome() {
        try (SecretNode node = new SecretNode(dir, false)) {
            String user = SecretNode.newUser();
            NewKeyBundle created = node.register(user, "forgotten password");
            try (Session session = node.login(user, "forgotten password"); SecretStorage secrets = SecretStorage.open(session)) {
                secrets.put("one", "first".getBytes(StandardCharsets.UTF_8));
                secrets.put("one", "second".getBytes(StandardCharsets.UTF_8));
                secrets.delete("one", 2);
            }
            try (SecretStorageKey wrong = SecretStorageKey.generate()) {
                SecretStorageIntegrationTest.assertCode(
                        () -> node.client.recover("default", user, "attacker".toCharArray(), wrong), 401, "recovery_failed");
            }
            try (SecretStorageKey any = SecretStorageKey.generate()) {
                SecretStorageIntegrationTest.assertCode(
                        () -> node.client.recover("default", "Nobody-" + user, "x".toCharArray(), any), 404,
                        "recovery_unavailable");
            }
            try (SecretStorageKey key = SecretStorageKey.fromRecoveryKey(created.recoveryKey())) {
                node.client.recover("default", user, "brand new password".toCharArray(), key);
            }

            List<AuditEntry> entries = node.node.auditLog().read(AuditQuery.all("default", 0, 1000));
            List<String> secretEntries = entries.stream()
                    .filter(e -> e.action().startsWith("secret.") && !e.action().equals("secret.get")
                            && !e.action().startsWith("secret.key.read") && !e.action().equals("secret.key.list"))
                    .map(e -> e.action() + " " + e.actorType() + ":" + e.actorId() + " " + e.outcome()
                            + (e.code() == null ? "" : " " + e.code()) + " from " + e.client())
                    .toList();
            String u = "user:" + user;
            assertThat(secretEntries).containsSubsequence(
                    "secret.put " + u + " success from 127.0.0.1",
                    "secret.put " + u + " success from 127.0.0.1",
                    "secret.delete " + u + " success from 127.0.0.1",
                    "secret.recovery.start " + u + " success from 127.0.0.1",
                    "secret.recovery.finish " + u + " denied recovery_failed from 127.0.0.1",
                    "secret.recovery.start user:nobody-" + user + " failed recovery_unavailable from 127.0.0.1",
                    "secret.recovery.start " + u + " success from 127.0.0.1",
                    "secret.recovery.finish " + u + " success from 127.0.0.1");
            assertThat(secretEntries).contains("secret.recovery.verifier.put " + u + " success from 127.0.0.1");
            // One entry per request: the hook adds nothing to an action that recorded itself.
            assertThat(secretEntries.stream().filter(s -> s.startsWith("secret.put "))).hasSize(2);
            assertThat(secretEntries.stream().filter(s -> s.startsWith("secret.recovery.finish "))).hasSize(2);
            assertThat(entries).allSatisfy(e -> assertThat(e.org()).isEqualTo("default"));
            AuditVerifier.Verdict verdict = AuditTestExports.verify(node.node.auditLog(), "default");
            assertThat(verdict.intact()).as(verdict.message()).isTrue();
        }
    }
}
