package io.keyward.server.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.keys.VersionedValue;
import io.keyward.protocol.keystore.CreateKeyRequest;
import io.keyward.protocol.keystore.OperationRequest;
import io.keyward.server.config.KeystoresConfig;
import io.keyward.server.lock.KeyFileRootLock;
import io.keyward.server.lock.RootLock;
import io.keyward.server.store.Database;
import io.keyward.server.testing.MutableClock;
import io.keyward.server.testing.TestDatabases;
import io.keyward.crypto.util.Base64Url;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock hierarchy below the routes: the root lock is asked once per keystore per time-to-live, not per
 * operation; sealed working keys are bound to their row.
 */
class KeystoreCacheTest {
    private static final Caller ALICE = new Caller("org", "alice");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final AtomicInteger unwraps = new AtomicInteger();
    private Database db;
    private RootLock root;
    private Keystores keystores;

    @BeforeEach
    void open(@TempDir Path dir) {
        db = TestDatabases.sqlite(dir);
        KeyFileRootLock.createKeyFile(dir.resolve("root.key"));
        KeyFileRootLock file = KeyFileRootLock.open(dir.resolve("root.key"));
        root = new RootLock() {
            @Override
            public String keyId() {
                return file.keyId();
            }

            @Override
            public byte[] wrap(byte[] plaintext, byte[] associatedData) {
                return file.wrap(plaintext, associatedData);
            }

            @Override
            public byte[] unwrap(byte[] wrapped, byte[] associatedData) {
                unwraps.incrementAndGet();
                return file.unwrap(wrapped, associatedData);
            }

            @Override
            public void close() {
                file.close();
            }
        };
        keystores = new Keystores(db, root, new KeystoresConfig(Duration.ofMinutes(5), 100), clock);
    }

    @AfterEach
    void close() {
        db.close();
        root.close();
    }

    @Test
    void theRootLockUnwrapsEachKeystoreLockOncePerTimeToLive() {
        String first = keystores.keystores().create(ALICE, null, KeystoreAudit.NONE).keystoreId();
        String second = keystores.keystores().create(ALICE, null, KeystoreAudit.NONE).keystoreId();
        keystores.keys().create(ALICE, first, new CreateKeyRequest("ed25519", "a"), KeystoreAudit.NONE);
        keystores.keys().create(ALICE, first, new CreateKeyRequest("aes256-gcm", "b"), KeystoreAudit.NONE);
        keystores.keys().create(ALICE, second, new CreateKeyRequest("ed25519", "c"), KeystoreAudit.NONE);
        assertThat(unwraps).hasValue(2);

        for (int i = 0; i < 20; i++) {
            sign(first, "a");
            sign(second, "c");
        }
        assertThat(unwraps).hasValue(2);

        clock.advance(Duration.ofMinutes(4));
        sign(first, "a");
        assertThat(unwraps).hasValue(2);

        clock.advance(Duration.ofMinutes(2));
        sign(first, "a");
        sign(first, "a");
        assertThat(unwraps).hasValue(3);
    }

    @Test
    void concurrentRequestsOnAColdKeystoreUnwrapItsLockOnce() throws Exception {
        String store = keystores.keystores().create(ALICE, null, KeystoreAudit.NONE).keystoreId();
        keystores.keys().create(ALICE, store, new CreateKeyRequest("ed25519", "a"), KeystoreAudit.NONE);
        clock.advance(Duration.ofMinutes(6));
        int before = unwraps.get();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            java.util.List<java.util.concurrent.Future<String>> signatures = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                signatures.add(pool.submit(() -> sign(store, "a")));
            }
            for (var signature : signatures) {
                assertThat(signature.get()).startsWith("kw:v1:");
            }
        }
        assertThat(unwraps.get() - before).isEqualTo(1);
    }

    @Test
    void aSealedWorkingKeyMovedToAnotherRowDoesNotOpen() {
        String store = keystores.keystores().create(ALICE, null, KeystoreAudit.NONE).keystoreId();
        keystores.keys().create(ALICE, store, new CreateKeyRequest("ed25519", "a"), KeystoreAudit.NONE);
        keystores.keys().create(ALICE, store, new CreateKeyRequest("ed25519", "b"), KeystoreAudit.NONE);
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE keystore_key_versions SET sealed_key ="
                    + " (SELECT sealed_key FROM keystore_key_versions WHERE key_id = 'a') WHERE key_id = 'b'")) {
                return s.executeUpdate();
            }
        });
        sign(store, "a");
        assertThatThrownBy(() -> sign(store, "b")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not open");
    }

    private String sign(String store, String key) {
        OperationRequest request = new OperationRequest(Base64Url.encode(new byte[] {1, 2, 3}), null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null);
        String signature = keystores.keys().operate(ALICE, store, key, "sign", request, touched -> {}, KeystoreAudit.NONE).signature();
        assertThat(VersionedValue.parse(signature).version()).isEqualTo(1);
        return signature;
    }
}
