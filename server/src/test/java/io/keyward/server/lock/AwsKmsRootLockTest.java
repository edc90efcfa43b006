package io.keyward.server.lock;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.envelope.Envelope;
import io.keyward.crypto.envelope.KeyRef;
import io.keyward.server.KeywardNode;
import io.keyward.server.NodeStartException;
import io.keyward.server.StartReport;
import io.keyward.server.config.ConfigPrinter;
import io.keyward.server.config.NodeConfig;
import io.keyward.server.config.RootLockConfig;
import io.keyward.server.testing.DirectorySnapshot;
import io.keyward.server.testing.FakeKms;
import io.keyward.server.testing.TestHttps;
import io.keyward.server.testing.TestNodes;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The AWS KMS root lock against an in-test endpoint that speaks the KMS JSON protocol ({@link FakeKms}). */
class AwsKmsRootLockTest {
    private static final byte[] AAD = "keystore ks-1 lock".getBytes(US_ASCII);
    private static final String ACCESS_KEY = "AKIAKEYWARDTEST00001";
    private static final String SECRET_KEY = "keyward/test/secret/access/key/do-not-print";
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));

    @TempDir
    Path tmp;

    private FakeKms kms;
    private String keyId;
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final List<AwsKmsRootLock> opened = new ArrayList<>();

    @BeforeEach
    void startKms() {
        kms = new FakeKms();
        keyId = kms.createKey();
    }

    @AfterEach
    void stopKms() {
        opened.forEach(AwsKmsRootLock::close);
        kms.close();
    }

    private RootLockConfig.AwsKms config(String key, Duration readyCheckInterval) {
        return new RootLockConfig.AwsKms(key, FakeKms.REGION, Optional.of(kms.endpoint()), Duration.ofMinutes(5),
                readyCheckInterval);
    }

    /** A lock on a clock the test moves, so the cache's time-to-live can pass without waiting. */
    private AwsKmsRootLock lock(RootLockConfig.AwsKms config) {
        AwsKmsRootLock lock = new AwsKmsRootLock(AwsKmsRootLock.client(config, CREDENTIALS), config, clock::get);
        opened.add(lock);
        return lock;
    }

    private AwsKmsRootLock lock() {
        return lock(config(keyId, Duration.ZERO));
    }

    @Test
    void wrapsAndUnwrapsWithAKmsEncryptedDataKey() {
        AwsKmsRootLock lock = lock();
        byte[] secret = "a keystore lock key, 32 bytes..".getBytes(US_ASCII);
        byte[] wrapped = lock.wrap(secret, AAD);

        assertThat(lock.keyId()).isEqualTo("aws-kms:" + keyId);
        assertThat(lock.unwrap(wrapped, AAD)).isEqualTo(secret);
        // The documented layout: 'K', the blob's length, KMS's blob, then an envelope under the data key.
        assertThat(wrapped[0]).isEqualTo((byte) 0x4B);
        int blobLength = ((wrapped[1] & 0xff) << 8) | (wrapped[2] & 0xff);
        byte[] blob = java.util.Arrays.copyOfRange(wrapped, 3, 3 + blobLength);
        assertThat(new String(blob, 0, 4, US_ASCII)).isEqualTo("FKMS");
        Envelope inner = Envelope.parse(java.util.Arrays.copyOfRange(wrapped, 3 + blobLength, wrapped.length));
        assertThat(inner.keyRef()).isEqualTo(new KeyRef("aws-kms-dk:" + AwsKmsRootLock.cacheId(blob).substring(0, 16), 1));
        assertThat(kms.calls("GenerateDataKey")).isEqualTo(1);
    }

    @Test
    void otherAssociatedDataOrAChangedByteIsRefused() {
        AwsKmsRootLock lock = lock();
        byte[] wrapped = lock.wrap(new byte[32], AAD);
        assertThatThrownBy(() -> lock.unwrap(wrapped, "keystore ks-2 lock".getBytes(US_ASCII)))
                .isExactlyInstanceOf(RootLockException.class)
                .hasMessage("cannot unwrap: wrapped value failed to authenticate under aws-kms:" + keyId);
        byte[] tampered = wrapped.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> lock.unwrap(tampered, AAD)).hasMessageContaining("failed to authenticate");
        // A changed KMS blob is KMS's to refuse, and it is a refusal, not an outage.
        byte[] badBlob = wrapped.clone();
        badBlob[3 + 60] ^= 1;
        assertThatThrownBy(() -> lock(config(keyId, Duration.ZERO)).unwrap(badBlob, AAD))
                .isExactlyInstanceOf(RootLockException.class)
                .hasMessage("AWS KMS Decrypt on " + keyId + " failed: InvalidCiphertextException"
                        + " (another key, or the value was changed)");
        assertThatThrownBy(() -> lock.unwrap(new byte[] {1, 2, 3}, AAD)).hasMessage("cannot unwrap: not an AWS KMS wrapped value");
        assertThatThrownBy(() -> lock.unwrap(new byte[] {0x4B, 0x10, 0, 1}, AAD))
                .hasMessage("cannot unwrap: AWS KMS wrapped value is truncated or malformed");
    }

    /** The cache means KMS is called once per data key per time-to-live, not per operation. */
    @Test
    void kmsIsCalledOncePerDataKeyPerTimeToLive() {
        AwsKmsRootLock lock = lock();
        List<byte[]> wrapped = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            wrapped.add(lock.wrap(new byte[] {(byte) i}, AAD));
        }
        for (int i = 0; i < 20; i++) {
            assertThat(lock.unwrap(wrapped.get(i), AAD)).containsExactly((byte) i);
        }
        assertThat(kms.calls("GenerateDataKey")).isEqualTo(1);
        assertThat(kms.calls("Decrypt")).isZero();

        // Another node (or this one restarted): one Decrypt for all twenty values.
        AwsKmsRootLock restarted = lock();
        for (int round = 0; round < 3; round++) {
            for (byte[] value : wrapped) {
                restarted.unwrap(value, AAD);
            }
        }
        assertThat(kms.calls("Decrypt")).isEqualTo(1);
        assertThat(restarted.cachedDataKeys()).isEqualTo(1);

        // After the time-to-live, once more; and wrapping takes a fresh data key.
        clock.addAndGet(Duration.ofMinutes(5).toNanos());
        restarted.unwrap(wrapped.getFirst(), AAD);
        restarted.unwrap(wrapped.getLast(), AAD);
        assertThat(kms.calls("Decrypt")).isEqualTo(2);
        lock.wrap(new byte[1], AAD);
        lock.wrap(new byte[1], AAD);
        assertThat(kms.calls("GenerateDataKey")).isEqualTo(2);
    }

    @Test
    void kmsRefusalsAreOneLineAndNeverMistakenForAWrongKey() {
        AwsKmsRootLock lock = lock();
        byte[] wrapped = lock.wrap(new byte[32], AAD);
        kms.failWith("AccessDeniedException");
        assertThatThrownBy(() -> lock(config(keyId, Duration.ZERO)).unwrap(wrapped, AAD))
                .isInstanceOf(RootLockUnavailableException.class)
                .hasMessage("AWS KMS Decrypt on " + keyId + " failed: AccessDeniedException"
                        + " (check the credentials and the key policy)");
        kms.failWith("DisabledException");
        assertThatThrownBy(() -> lock(config(keyId, Duration.ZERO)).wrap(new byte[32], AAD))
                .isInstanceOf(RootLockUnavailableException.class)
                .hasMessage("AWS KMS GenerateDataKey on " + keyId + " failed: DisabledException"
                        + " (the key is disabled or pending deletion)");
        kms.failWith(null);
        String missing = "4f1c0c8e-0000-4000-8000-000000000000";
        assertThatThrownBy(() -> lock(config(missing, Duration.ZERO)).wrap(new byte[32], AAD))
                .isInstanceOf(RootLockUnavailableException.class)
                .hasMessage("AWS KMS GenerateDataKey on " + missing + " failed: NotFoundException"
                        + " (no such key in region eu-west-1)");
        // A value under another KMS key: KMS refuses it for this key, which is a mismatch.
        String otherKey = kms.createKey();
        assertThatThrownBy(() -> lock(config(otherKey, Duration.ZERO)).unwrap(wrapped, AAD))
                .isExactlyInstanceOf(RootLockException.class)
                .hasMessageContaining("IncorrectKeyException");
    }

    @Test
    void anUnreachableKmsIsUnavailableInOneLine() {
        AwsKmsRootLock lock = lock();
        assertThat(lock.unavailableReason()).isEmpty();
        URI endpoint = kms.endpoint();
        kms.close();
        assertThatThrownBy(() -> lock.wrap(new byte[32], AAD))
                .isInstanceOf(RootLockUnavailableException.class)
                .hasMessageStartingWith("AWS KMS is unreachable at " + endpoint + " (GenerateDataKey): ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(lock.unavailableReason()).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("AWS KMS is unreachable at " + endpoint + " (Encrypt): ");
    }

    @Test
    void theReadyCheckAsksKmsAtMostOncePerInterval() {
        AwsKmsRootLock lock = lock(config(keyId, Duration.ofSeconds(10)));
        assertThat(lock.unavailableReason()).isEmpty();
        assertThat(lock.unavailableReason()).isEmpty();
        assertThat(kms.calls("Encrypt")).isEqualTo(1);
        clock.addAndGet(Duration.ofSeconds(10).toNanos());
        kms.failWith("KMSInternalException");
        assertThat(lock.unavailableReason()).contains("AWS KMS Encrypt on " + keyId + " failed: KMSInternalException");
    }

    @Test
    void noKeyOrCredentialInMessagesOrToString() {
        AwsKmsRootLock lock = lock();
        lock.wrap(new byte[32], AAD);
        assertThat(lock.toString()).isEqualTo("AwsKmsRootLock[aws-kms:" + keyId + " in eu-west-1 via " + kms.endpoint() + "]");
        kms.failWith("UnrecognizedClientException");
        assertThatThrownBy(() -> lock(config(keyId, Duration.ZERO)).wrap(new byte[32], AAD))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET_KEY).doesNotContain(ACCESS_KEY));
        lock.close();
        assertThat(lock.cachedDataKeys()).isZero();
        assertThatThrownBy(() -> lock.wrap(new byte[32], AAD)).hasMessage("root lock aws-kms:" + keyId + " is closed");
    }

    @Test
    void aNodeOnKmsServesAndIsNotReadyWhileKmsIsDown() {
        Path data = tmp.resolve("data");
        String oldAccess = System.setProperty("aws.accessKeyId", ACCESS_KEY);
        String oldSecret = System.setProperty("aws.secretAccessKey", SECRET_KEY);
        try {
            NodeConfig config = kmsNode(data, keyId);
            assertThat(ConfigPrinter.yaml(config)).contains("provider: aws-kms", "key_id: " + keyId);
            try (KeywardNode node = new KeywardNode(config)) {
                StartReport report = node.start();
                assertThat(report.rootLock()).isEqualTo("aws-kms:" + keyId);
                HttpClient client = TestHttps.client(node.certificate(), HttpClient.Version.HTTP_1_1);
                assertThat(TestHttps.get(client, node.port(), "/v1/ready").statusCode()).isEqualTo(200);
                kms.failWith("KMSInternalException");
                var notReady = TestHttps.get(client, node.port(), "/v1/ready");
                assertThat(notReady.statusCode()).isEqualTo(503);
                assertThat(notReady.body()).contains("KMSInternalException");
                kms.failWith(null);
                assertThat(TestHttps.get(client, node.port(), "/v1/ready").statusCode()).isEqualTo(200);
            }
            Map<String, String> before = DirectorySnapshot.of(data);

            // Another KMS key: the database's check value does not open.
            String otherKey = kms.createKey();
            try (KeywardNode node = new KeywardNode(kmsNode(data, otherKey))) {
                assertThatThrownBy(node::start).isInstanceOf(NodeStartException.class)
                        .hasMessage("root key does not match this database");
            }
            // KMS down: one line, and nothing changed.
            kms.failWith("KMSInternalException");
            try (KeywardNode node = new KeywardNode(kmsNode(data, keyId))) {
                assertThatThrownBy(node::start).isInstanceOf(NodeStartException.class)
                        .hasMessage("AWS KMS Decrypt on " + keyId + " failed: KMSInternalException");
            }
            URI endpoint = kms.endpoint();
            kms.close();
            try (KeywardNode node = new KeywardNode(kmsNode(data, keyId, endpoint))) {
                assertThatThrownBy(node::start).isInstanceOf(NodeStartException.class)
                        .hasMessageStartingWith("AWS KMS is unreachable at " + endpoint + " (Decrypt): ")
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            }
            assertThat(DirectorySnapshot.of(data)).isEqualTo(before);
            // A first start with KMS down leaves no data directory behind.
            Path fresh = tmp.resolve("fresh");
            try (KeywardNode node = new KeywardNode(kmsNode(fresh, keyId, endpoint))) {
                assertThatThrownBy(node::start).hasMessageStartingWith("AWS KMS is unreachable at ");
            }
            assertThat(fresh).doesNotExist();
        } finally {
            restore("aws.accessKeyId", oldAccess);
            restore("aws.secretAccessKey", oldSecret);
        }
    }

    private NodeConfig kmsNode(Path data, String key) {
        return kmsNode(data, key, kms.endpoint());
    }

    private static NodeConfig kmsNode(Path data, String key, URI endpoint) {
        return TestNodes.config(data,
                "ROOT_LOCK_PROVIDER", "aws-kms",
                "ROOT_LOCK_AWS_KMS_KEY_ID", key,
                "ROOT_LOCK_AWS_KMS_REGION", FakeKms.REGION,
                "ROOT_LOCK_AWS_KMS_ENDPOINT", endpoint.toString(),
                "ROOT_LOCK_AWS_KMS_READY_CHECK_INTERVAL", "0s");
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
