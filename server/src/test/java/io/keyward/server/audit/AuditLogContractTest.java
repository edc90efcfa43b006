package io.keyward.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.sig.Ed25519Verifier;
import io.keyward.crypto.util.Base64Url;
import io.keyward.server.store.Database;
import io.keyward.server.store.Databases;
import io.keyward.server.store.ServerSettings;
import io.keyward.server.store.StorageSettings;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the audit log must do on every database kind; subclasses run it on SQLite and PostgreSQL. */
abstract class AuditLogContractTest {
    private final List<Database> open = new ArrayList<>();
    private StorageSettings settings;
    private Database db;
    private AuditLog log;

    /** Settings for a new, empty database; opened twice, they give two pools on one database (two nodes). */
    protected abstract StorageSettings newDatabaseSettings();

    @BeforeEach
    void openDatabase() {
        settings = newDatabaseSettings();
        db = openAgain();
        log = AuditTesting.log(db);
    }

    @AfterEach
    void closeDatabases() {
        open.forEach(Database::close);
    }

    private Database openAgain() {
        Database opened = Databases.open(settings);
        open.add(opened);
        return opened;
    }

    @Test
    void appendsAGapFreeChainPerOrganization() {
        for (int i = 1; i <= 5; i++) {
            log.append(AuditTesting.event("acme", "secret.read", i));
            log.append(AuditTesting.event("globex", "key.sign", i));
        }
        List<AuditEntry> acme = log.read(AuditQuery.all("acme", 0, 100));
        assertThat(acme).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(log.read(AuditQuery.all("globex", 0, 100))).extracting(AuditEntry::seq)
                .containsExactly(1L, 2L, 3L, 4L, 5L);

        byte[] previous = AuditChain.genesis();
        for (AuditEntry entry : acme) {
            assertThat(entry.hash()).isEqualTo(AuditChain.hashText(previous, entry));
            assertThat(entry.time()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
            previous = Base64Url.decode(entry.hash(), "hash");
        }
        AuditEntry first = acme.getFirst();
        assertThat(first.org()).isEqualTo("acme");
        assertThat(first.actorType()).isEqualTo("user");
        assertThat(first.actorId()).isEqualTo("user-1");
        assertThat(first.action()).isEqualTo("secret.read");
        assertThat(first.target()).isEqualTo("key:k1");
        assertThat(first.requestId()).isEqualTo("req-1");
        assertThat(first.client()).isEqualTo("127.0.0.2");
        assertThat(AuditTesting.verify(AuditTesting.export(log, "acme")).intact()).isTrue();
    }

    @Test
    void filtersAndPagesBySeq() {
        Instant before = Instant.now();
        for (int i = 1; i <= 12; i++) {
            log.append(AuditTesting.event("acme", i % 2 == 0 ? "secret.read" : "secret.write", i));
        }
        assertThat(log.read(new AuditQuery("acme", null, null, null, null, "secret.read", null, null, null, 0, 100)))
                .extracting(AuditEntry::seq).containsExactly(2L, 4L, 6L, 8L, 10L, 12L);
        assertThat(log.read(new AuditQuery("acme", null, null, null, null, null, null, Outcome.DENIED, null, 0, 100)))
                .extracting(AuditEntry::seq).containsExactly(4L, 8L, 12L);
        assertThat(log.read(new AuditQuery("acme", null, null, null, null, null, "key:k7", null, null, 0, 100)))
                .extracting(AuditEntry::seq).containsExactly(7L);
        assertThat(log.read(new AuditQuery("acme", null, null, null, null, null, null, null, "req-9", 0, 100)))
                .extracting(AuditEntry::seq).containsExactly(9L);
        assertThat(log.read(AuditQuery.all("acme", 0, 100).forActor("user", "user-2")))
                .extracting(AuditEntry::seq).containsExactly(2L, 5L, 8L, 11L);
        assertThat(log.read(AuditQuery.all("acme", 5, 3))).extracting(AuditEntry::seq).containsExactly(6L, 7L, 8L);
        assertThat(log.read(new AuditQuery("acme", null, null, before, null, null, null, null, null, 0, 100))).hasSize(12);
        assertThat(log.read(new AuditQuery("acme", null, null, null, before, null, null, null, null, 0, 100))).isEmpty();
        assertThat(log.read(new AuditQuery("acme", null, null, Instant.now().plusSeconds(60), null, null, null, null,
                null, 0, 100))).isEmpty();
    }

    @Test
    void anEntryAppendedInARolledBackTransactionLeavesNoTrace() {
        log.append(AuditTesting.event("acme", "first", 1));
        assertThatThrownBy(() -> db.inTransaction(connection -> {
            new ServerSettings(db).put("side_effect", "done");
            log.append(connection, AuditTesting.event("acme", "rolled.back", 2));
            throw new IllegalStateException("the action failed after appending");
        })).hasMessage("the action failed after appending");

        assertThat(new ServerSettings(db).get("side_effect")).isEmpty();
        assertThat(log.read(AuditQuery.all("acme", 0, 100))).extracting(AuditEntry::action).containsExactly("first");
        // The next entry takes seq 2: the rolled-back one left no gap.
        assertThat(log.append(AuditTesting.event("acme", "second", 3)).seq()).isEqualTo(2);
        assertThat(AuditTesting.verify(AuditTesting.export(log, "acme")).intact()).isTrue();
    }

    @Test
    void concurrentAppendsFromTwoNodesKeepOneGapFreeChain() throws Exception {
        AuditLog other = AuditTesting.log(openAgain()); // a second pool on the same database: a second node
        int perWriter = 40;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                AuditLog writer = w % 2 == 0 ? log : other;
                int id = w;
                futures.add(pool.submit((Callable<Void>) () -> {
                    for (int i = 0; i < perWriter; i++) {
                        writer.append(AuditTesting.event(id % 3 == 0 ? "acme" : "globex", "w" + id, i));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        int total = 0;
        for (String org : List.of("acme", "globex")) {
            List<AuditEntry> entries = log.read(AuditQuery.all(org, 0, 1000));
            for (int i = 0; i < entries.size(); i++) {
                assertThat(entries.get(i).seq()).isEqualTo(i + 1);
            }
            log.checkpoint(org);
            assertThat(AuditTesting.verify(AuditTesting.export(log, org)).intact()).as(org).isTrue();
            total += entries.size();
        }
        assertThat(total).isEqualTo(6 * perWriter);
        assertThat(log.read(AuditQuery.all("acme", 0, 1000))).hasSize(2 * perWriter);
    }

    @Test
    void checkpointsSignTheHeadAndListOrganizationsThatGrew() {
        assertThat(log.orgsWithUncheckpointedEntries()).isEmpty();
        Checkpoint empty = log.checkpoint("acme");
        assertThat(empty.seq()).isZero();
        assertThat(Base64Url.decode(empty.headHash(), "head")).isEqualTo(AuditChain.genesis());

        AuditEntry last = null;
        for (int i = 1; i <= 3; i++) {
            last = log.append(AuditTesting.event("acme", "a", i));
        }
        log.append(AuditTesting.event("globex", "a", 1));
        assertThat(log.orgsWithUncheckpointedEntries()).containsExactly("acme", "globex");

        Checkpoint checkpoint = log.checkpoint("acme");
        assertThat(checkpoint.seq()).isEqualTo(3);
        assertThat(checkpoint.headHash()).isEqualTo(last.hash());
        Ed25519Verifier.fromPublicKey(AuditTesting.KEY.publicKey()).verify(Base64Url.decode(checkpoint.signature(), "sig"),
                AuditChain.checkpointMessage("acme", 3, Base64Url.decode(last.hash(), "h"), checkpoint.time()));
        assertThat(log.checkpoints("acme")).containsExactly(empty, checkpoint);
        assertThat(log.orgsWithUncheckpointedEntries()).containsExactly("globex");
        assertThat(CheckpointScheduler.runOnce(log)).isEqualTo(1);
        assertThat(log.orgsWithUncheckpointedEntries()).isEmpty();
    }

    @Test
    void theStoredRowsHoldNothingButTheEntry() throws Exception {
        log.append(AuditTesting.event("acme", "a", 1));
        List<String> columns = db.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM audit_entries");
                    ResultSet rows = select.executeQuery()) {
                List<String> names = new ArrayList<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    names.add(rows.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT));
                }
                return names;
            }
        });
        assertThat(columns).containsExactly("org", "seq", "time", "actor_type", "actor_id", "device", "action", "target",
                "outcome", "code", "request_id", "client", "hash");
    }
}
