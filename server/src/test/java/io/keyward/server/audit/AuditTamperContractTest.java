package io.keyward.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyward.crypto.util.Base64Url;
import io.keyward.protocol.WireJson;
import io.keyward.server.store.Database;
import io.keyward.server.store.Databases;
import io.keyward.server.store.StorageSettings;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tampering with a chain, in an export file and in the database, is caught by the verifier, which
 * names the entry. Subclasses run it on SQLite and PostgreSQL.
 */
abstract class AuditTamperContractTest {
    private Database db;
    private AuditLog log;

    protected abstract StorageSettings newDatabaseSettings();

    @BeforeEach
    void tenEntriesWithCheckpointsAtFiveAndTen() {
        db = Databases.open(newDatabaseSettings());
        log = AuditTesting.log(db);
        for (int i = 1; i <= 10; i++) {
            log.append(AuditTesting.event("acme", "secret.read", i));
            if (i == 5 || i == 10) {
                log.checkpoint("acme");
            }
        }
        log.append(AuditTesting.event("globex", "other", 1));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String export() {
        return AuditTesting.export(log, "acme");
    }

    private static AuditVerifier.Verdict verify(String export) {
        return AuditTesting.verify(export);
    }

    @Test
    void theUntouchedChainIsIntact() {
        AuditVerifier.Verdict verdict = verify(export());
        assertThat(verdict.intact()).isTrue();
        assertThat(verdict.message()).isEqualTo("intact: org acme, 10 entries (seq 1..10), 2 checkpoints verified");
    }

    // ---- in the export file ----

    @Test
    void exportEditIsNamed() {
        List<String> lines = lines(export());
        int at = lineOf(lines, 4);
        lines.set(at, lines.get(at).replace("\"outcome\":\"denied\"", "\"outcome\":\"success\""));
        assertBroken(String.join("\n", lines), 4, "entry seq 4 was changed");
    }

    @Test
    void exportDeletionIsNamed() {
        List<String> lines = lines(export());
        lines.remove(lineOf(lines, 6));
        assertBroken(String.join("\n", lines), 6, "entry seq 6 was removed");
    }

    @Test
    void exportDuplicateInsertionIsNamed() {
        List<String> lines = lines(export());
        int at = lineOf(lines, 3);
        lines.add(at + 1, lines.get(at));
        assertBroken(String.join("\n", lines), 3, "entry seq 3 appears twice");
    }

    @Test
    void exportInsertionWithRenumberingIsNamed() {
        List<String> lines = lines(export());
        int at = lineOf(lines, 7);
        for (int i = at; i < lines.size(); i++) {
            lines.set(i, shiftSeq(lines.get(i)));
        }
        ObjectNode forged = parse(lines.get(at));
        forged.put("seq", 7).put("action", "forged");
        lines.add(at, forged.toString());
        assertBroken(String.join("\n", lines), 7, "entry seq 7 was inserted");
    }

    @Test
    void exportSwapIsNamed() {
        List<String> lines = lines(export());
        int seven = lineOf(lines, 7);
        int eight = lineOf(lines, 8);
        String line = lines.get(seven);
        lines.set(seven, lines.get(eight));
        lines.set(eight, line);
        assertBroken(String.join("\n", lines), 7, "entry seq 7 comes after seq 8: entries were reordered");
    }

    @Test
    void exportRewriteWithRecomputedHashesIsCaughtByTheNextCheckpoint() {
        List<String> lines = lines(export());
        byte[] previous = null;
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode node = parse(lines.get(i));
            if (!node.path("type").asText().equals("entry")) {
                continue;
            }
            AuditEntry entry = toEntry(node);
            if (entry.seq() == 7) {
                entry = new AuditEntry(7, entry.time(), entry.org(), entry.actorType(), entry.actorId(), entry.device(),
                        "innocent.action", entry.target(), entry.outcome(), entry.code(), entry.requestId(),
                        entry.client(), null);
            }
            if (entry.seq() >= 7) {
                String hash = AuditChain.hashText(previous, entry);
                node.put("action", entry.action()).put("hash", hash);
                lines.set(i, node.toString());
            }
            previous = Base64Url.decode(node.path("hash").asText(), "hash");
        }
        AuditVerifier.Verdict verdict = verify(String.join("\n", lines));
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.message()).startsWith("checkpoint at seq 10 (")
                .contains("does not match the chain: an entry in seq 6..10 was changed");
        assertThat(verdict.entrySeq()).isEqualTo(6);
    }

    @Test
    void exportTruncationBehindACheckpointIsNamed() {
        List<String> lines = lines(export());
        lines.remove(lineOf(lines, 10));
        lines.remove(lineOf(lines, 9));
        assertBroken(String.join("\n", lines), 9, "checkpoint at seq 10");
        assertThat(verify(String.join("\n", lines)).message()).endsWith("entries 9..10 were removed");
    }

    @Test
    void checkpointSignatureTamperIsCaught() {
        List<String> lines = lines(export());
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode node = parse(lines.get(i));
            if (node.path("type").asText().equals("checkpoint") && node.path("seq").asLong() == 5) {
                node.put("time", "2030-01-01T00:00:00.000000Z");
                lines.set(i, node.toString());
            }
        }
        AuditVerifier.Verdict verdict = verify(String.join("\n", lines));
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.message()).isEqualTo("checkpoint at seq 5 (2030-01-01T00:00:00.000000Z) has a signature that"
                + " does not verify with the given key: the checkpoint was changed or forged");
    }

    @Test
    void anotherKeyIsRefused() {
        byte[] otherKey = io.keyward.crypto.sig.Ed25519Signer.generate(new java.security.SecureRandom()).publicKey();
        AuditVerifier.Verdict verdict = AuditVerifier.verify(
                AuditExport.read(new java.io.BufferedReader(new java.io.StringReader(export()))), otherKey);
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.message()).contains("not the given key");
    }

    // ---- in the database ----

    @Test
    void databaseEditIsNamed() {
        sql("UPDATE audit_entries SET outcome = 'success', code = NULL WHERE org = 'acme' AND seq = 4");
        assertBroken(export(), 4, "entry seq 4 was changed");
    }

    @Test
    void databaseDeletionIsNamed() {
        sql("DELETE FROM audit_entries WHERE org = 'acme' AND seq = 6");
        assertBroken(export(), 6, "entry seq 6 was removed");
    }

    @Test
    void databaseInsertionWithACorrectHashAndRenumberingIsNamed() {
        AuditEntry six = log.read(AuditQuery.all("acme", 5, 1)).getFirst();
        sql("UPDATE audit_entries SET seq = seq + 1000 WHERE org = 'acme' AND seq >= 7");
        sql("UPDATE audit_entries SET seq = seq - 999 WHERE org = 'acme' AND seq > 1000");
        AuditEntry forged = new AuditEntry(7, six.time(), "acme", "admin", null, null, "forged.action", null,
                "success", null, "req-forged", "10.9.9.9", null);
        byte[] hash = AuditChain.hash(Base64Url.decode(six.hash(), "hash"), forged);
        db.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_entries (org, seq, time,"
                    + " actor_type, action, outcome, request_id, client, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, "acme");
                insert.setLong(2, 7);
                insert.setString(3, forged.time());
                insert.setString(4, forged.actorType());
                insert.setString(5, forged.action());
                insert.setString(6, forged.outcome());
                insert.setString(7, forged.requestId());
                insert.setString(8, forged.client());
                insert.setBytes(9, hash);
                return insert.executeUpdate();
            }
        });
        assertBroken(export(), 7, "entry seq 7 was inserted");
    }

    @Test
    void databaseSwapIsNamed() {
        // Rows 3 and 4 trade places: every column but seq moves.
        sql("UPDATE audit_entries SET seq = 1003 WHERE org = 'acme' AND seq = 3");
        sql("UPDATE audit_entries SET seq = 3 WHERE org = 'acme' AND seq = 4");
        sql("UPDATE audit_entries SET seq = 4 WHERE org = 'acme' AND seq = 1003");
        assertBroken(export(), 3, "entries seq 3 and 4 were swapped");
    }

    @Test
    void databaseCheckpointTamperIsCaught() {
        sql("UPDATE audit_checkpoints SET seq = 4 WHERE org = 'acme' AND seq = 5");
        AuditVerifier.Verdict verdict = verify(export());
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.message()).startsWith("checkpoint at seq 4 (").contains("does not verify");
    }

    // ---- helpers ----

    private void assertBroken(String export, long seq, String reason) {
        AuditVerifier.Verdict verdict = verify(export);
        assertThat(verdict.intact()).as(verdict.message()).isFalse();
        assertThat(verdict.message()).startsWith(reason).doesNotContain("\n");
        assertThat(verdict.entrySeq()).isEqualTo(seq);
    }

    private void sql(String statement) {
        db.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(statement)) {
                return update.executeUpdate();
            }
        });
    }

    private static List<String> lines(String export) {
        return new ArrayList<>(export.lines().toList());
    }

    private static int lineOf(List<String> lines, long seq) {
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode node = parse(lines.get(i));
            if (node.path("type").asText().equals("entry") && node.path("seq").asLong() == seq) {
                return i;
            }
        }
        throw new AssertionError("no entry line with seq " + seq);
    }

    private static String shiftSeq(String line) {
        ObjectNode node = parse(line);
        return node.path("type").asText().equals("entry") ? node.put("seq", node.path("seq").asLong() + 1).toString() : line;
    }

    private static ObjectNode parse(String line) {
        try {
            return (ObjectNode) WireJson.mapper().readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static AuditEntry toEntry(ObjectNode node) {
        ObjectNode copy = node.deepCopy();
        copy.remove("type");
        try {
            return WireJson.mapper().treeToValue(copy, AuditEntry.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
