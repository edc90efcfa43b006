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
import io.keyward.server.testing.SoftHsm;
import io.keyward.server.testing.TestHttps;
import io.keyward.server.testing.TestNodes;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PKCS#11 root lock against SoftHSM2: the key stays in the token, AES-GCM runs there. */
class Pkcs11RootLockTest {
    private static final byte[] AAD = "keystore ks-1 lock".getBytes(US_ASCII);
    private static SoftHsm hsm;
    private static Pkcs11RootLock lock;

    @TempDir
    Path tmp;

    @BeforeAll
    static void openLock() {
        hsm = SoftHsm.main();
        lock = Pkcs11RootLock.open(hsm.config("lock-test", true));
    }

    @AfterAll
    static void closeLock() {
        if (lock != null) {
            lock.close();
        }
    }

    @Test
    void wrapsAndUnwrapsInTheEnvelopeFormat() {
        byte[] secret = "a keystore lock key, 32 bytes..".getBytes(US_ASCII);
        byte[] wrapped = lock.wrap(secret, AAD);

        assertThat(lock.keyId()).isEqualTo("pkcs11:lock-test");
        Envelope envelope = Envelope.parse(wrapped);
        assertThat(envelope.keyRef()).isEqualTo(new KeyRef("pkcs11:lock-test", 1));
        assertThat(wrapped).hasSize(22 + "pkcs11:lock-test".length() + secret.length + 16);
        assertThat(lock.unwrap(wrapped, AAD)).isEqualTo(secret);
        assertThat(lock.wrap(secret, AAD)).isNotEqualTo(wrapped);
    }

    @Test
    void theSameKeyIsFoundAgainByItsLabel() {
        byte[] wrapped = lock.wrap(new byte[32], AAD);
        try (Pkcs11RootLock again = Pkcs11RootLock.open(hsm.config("lock-test", false))) {
            assertThat(again.unwrap(wrapped, AAD)).isEqualTo(new byte[32]);
        }
    }

    @Test
    void otherAssociatedDataOrAChangedByteIsRefused() {
        byte[] wrapped = lock.wrap(new byte[32], AAD);
        assertThatThrownBy(() -> lock.unwrap(wrapped, "keystore ks-2 lock".getBytes(US_ASCII)))
                .isExactlyInstanceOf(RootLockException.class)
                .hasMessage("cannot unwrap: wrapped value failed to authenticate under root key pkcs11:lock-test");
        byte[] tampered = wrapped.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> lock.unwrap(tampered, AAD))
                .isExactlyInstanceOf(RootLockException.class)
                .hasMessageContaining("failed to authenticate");
    }

    @Test
    void anotherHsmKeyCannotUnwrap() {
        byte[] wrapped = lock.wrap(new byte[32], AAD);
        try (Pkcs11RootLock other = Pkcs11RootLock.open(hsm.config("lock-test-other", true))) {
            assertThatThrownBy(() -> other.unwrap(wrapped, AAD))
                    .hasMessage("cannot unwrap: value is wrapped by root key pkcs11:lock-test, not by this node's"
                            + " root key pkcs11:lock-test-other");
        }
    }

    @Test
    void aWrongPinIsRefusedInOneLine() {
        RootLockConfig.Pkcs11 wrongPin = new RootLockConfig.Pkcs11(SoftHsm.LIBRARY,
                new RootLockConfig.Pkcs11.Slot.Id(hsm.pinTestSlot()), "not-the-pin-4711", "any", false);
        assertThatThrownBy(() -> Pkcs11RootLock.open(wrongPin))
                .isExactlyInstanceOf(RootLockException.class)
                .hasMessage("the PKCS#11 token at slot " + hsm.pinTestSlot() + " of " + SoftHsm.LIBRARY
                        + " refused the PIN (CKR_PIN_INCORRECT)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("4711"));
    }

    @Test
    void aMissingKeyLabelIsRefusedInOneLine() {
        assertThatThrownBy(() -> Pkcs11RootLock.open(hsm.config("no-such-key", false)))
                .isExactlyInstanceOf(RootLockException.class)
                .hasMessage("no key labelled no-such-key in the PKCS#11 token at slot " + hsm.slot() + " of "
                        + SoftHsm.LIBRARY + " (create it, or set root_lock.pkcs11.create_key: true for a first start)");
    }

    @Test
    void aSlotWithoutATokenIsUnavailable() {
        RootLockConfig.Pkcs11 noToken = new RootLockConfig.Pkcs11(SoftHsm.LIBRARY,
                new RootLockConfig.Pkcs11.Slot.Id(2_000_000_001L), SoftHsm.PIN, "any", false);
        assertThatThrownBy(() -> Pkcs11RootLock.open(noToken))
                .isInstanceOf(RootLockUnavailableException.class)
                .hasMessage("cannot open the PKCS#11 token at slot 2000000001 of " + SoftHsm.LIBRARY
                        + ": CKR_SLOT_ID_INVALID");
    }

    @Test
    void aFileThatIsNotAPkcs11ModuleIsRefusedInOneLine() throws java.io.IOException {
        Path notALibrary = java.nio.file.Files.writeString(tmp.resolve("libnot.so"), "not a shared library");
        RootLockConfig.Pkcs11 config = new RootLockConfig.Pkcs11(notALibrary,
                new RootLockConfig.Pkcs11.Slot.ListIndex(0), SoftHsm.PIN, "any", false);
        assertThatThrownBy(() -> Pkcs11RootLock.open(config))
                .isInstanceOf(RootLockUnavailableException.class)
                .hasMessageStartingWith("cannot open the PKCS#11 token at slot list index 0 of " + notALibrary + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(SoftHsm.PIN));
    }

    @Test
    void noPinInToStringOrPrintedConfiguration() {
        RootLockConfig.Pkcs11 config = hsm.config("lock-test", false);
        assertThat(config.toString()).doesNotContain(SoftHsm.PIN).contains("pin=****");
        assertThat(lock.toString()).doesNotContain(SoftHsm.PIN).startsWith("Pkcs11RootLock[pkcs11:lock-test in ");
        NodeConfig node = pkcs11Node(tmp.resolve("data"), "lock-test");
        assertThat(ConfigPrinter.yaml(node)).doesNotContain(SoftHsm.PIN).contains("pin: '****'");
    }

    @Test
    void closedLockRefuses() {
        Pkcs11RootLock closing = Pkcs11RootLock.open(hsm.config("lock-test", false));
        byte[] wrapped = closing.wrap(new byte[32], AAD);
        closing.close();
        assertThatThrownBy(() -> closing.unwrap(wrapped, AAD)).hasMessage("root lock pkcs11:lock-test is closed");
        // Closing one lock does not log the process out of the token: the class's lock still works.
        assertThat(lock.unwrap(lock.wrap(new byte[32], AAD), AAD)).isEqualTo(new byte[32]);
    }

    @Test
    void aNodeOnTheHsmServesAndRefusesAnotherHsmKeyChangingNothing() {
        Path data = tmp.resolve("data");
        try (KeywardNode node = new KeywardNode(pkcs11Node(data, "node-test"))) {
            StartReport report = node.start();
            assertThat(report.rootLock()).isEqualTo("pkcs11:node-test");
            assertThat(report.rootKeyFile()).isEmpty();
            HttpClient client = TestHttps.client(node.certificate(), HttpClient.Version.HTTP_1_1);
            assertThat(TestHttps.get(client, node.port(), "/v1/ready").statusCode()).isEqualTo(200);
        }
        // A restart on the same key serves again.
        try (KeywardNode node = new KeywardNode(pkcs11Node(data, "node-test"))) {
            node.start();
        }
        Map<String, String> before = DirectorySnapshot.of(data);
        Pkcs11RootLock.open(hsm.config("node-test-other", true)).close(); // another key in the same token
        try (KeywardNode node = new KeywardNode(pkcs11Node(data, "node-test-other"))) {
            assertThatThrownBy(node::start)
                    .isInstanceOf(NodeStartException.class)
                    .hasMessage("root key does not match this database");
        }
        assertThat(DirectorySnapshot.of(data)).isEqualTo(before);
        // With a database present, create_key does not create: the missing key is refused, the HSM untouched.
        try (KeywardNode node = new KeywardNode(pkcs11Node(data, "never-created"))) {
            assertThatThrownBy(node::start).hasMessageStartingWith("no key labelled never-created in the PKCS#11 token");
        }
        assertThatThrownBy(() -> Pkcs11RootLock.open(hsm.config("never-created", false)))
                .hasMessageStartingWith("no key labelled never-created");
        assertThat(DirectorySnapshot.of(data)).isEqualTo(before);
    }

    private static NodeConfig pkcs11Node(Path data, String label) {
        return TestNodes.config(data,
                "ROOT_LOCK_PROVIDER", "pkcs11",
                "ROOT_LOCK_PKCS11_LIBRARY", SoftHsm.LIBRARY.toString(),
                "ROOT_LOCK_PKCS11_SLOT", Long.toString(hsm.slot()),
                "ROOT_LOCK_PKCS11_PIN", SoftHsm.PIN,
                "ROOT_LOCK_PKCS11_KEY_LABEL", label,
                "ROOT_LOCK_PKCS11_CREATE_KEY", "true");
    }
}
