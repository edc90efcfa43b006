package io.keyward.cli.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyward.cli.profile.Fingerprints;
import io.keyward.client.KeywardClient;
import io.keyward.client.ServerTrust;
import io.keyward.client.Session;
import io.keyward.client.secrets.NewKeyBundle;
import io.keyward.client.secrets.SecretStorage;
import io.keyward.client.secrets.SecretValue;
import io.keyward.crypto.ssss.SecretStorageKey;
import io.keyward.crypto.util.Base64Url;
import io.keyward.protocol.account.CompleteAccountRequest;
import io.keyward.protocol.account.DeviceKeys;
import io.keyward.server.KeywardNode;
import io.keyward.server.testing.TestNodes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, "Done when": through a TLS-terminating relay (which reads every HTTP request and answer), a whole
 * secret-storage life (registration with the key bundle, puts, gets, a password change, a recovery with the
 * recovery key) never shows a plaintext secret, the secret-storage key or its recovery key on the wire.
 */
class SecretStorageRelayTest {
    static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    static Path nodeDir;

    static KeywardNode node;

    @TempDir
    Path dir;

    @BeforeAll
    static void startNode() {
        node = new KeywardNode(TestNodes.config(nodeDir.resolve("data"), "ACCOUNTS_DEFAULT_ORG_KSF", SealedChannelRelayTest.CHEAP_KSF));
        node.start();
    }

    @AfterAll
    static void stopNode() {
        node.stop();
    }

    static List<byte[]> forms(byte[] secret) {
        List<byte[]> forms = new ArrayList<>();
        forms.add(secret);
        forms.add(Base64Url.encode(secret).getBytes(StandardCharsets.US_ASCII));
        forms.add(Base64.getEncoder().encode(secret));
        forms.add(Base64.getEncoder().withoutPadding().encode(secret));
        forms.add(HexFormat.of().formatHex(secret).getBytes(StandardCharsets.US_ASCII));
        return forms;
    }

    @Test
    void plaintextsAndSecretStorageKeysNeverCrossTheWireInTheClear() throws Exception {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        String plaintext = "wire-plaintext-" + HexFormat.of().formatHex(random);
        String user = "relay-ssss-" + HexFormat.of().formatHex(random, 0, 4);
        NewKeyBundle created;
        byte[] keyBytes;
        try (TlsTerminatingRelay relay = TlsTerminatingRelay.start(dir, node.port(), node.certificate())) {
            URI through = URI.create("https://127.0.0.1:" + relay.port());
            try (KeywardClient client = KeywardClient.connect(through, ServerTrust.pinned(Fingerprints.of(relay.certificate())))) {
                client.register("default", user, "pw one".toCharArray(), null);
                try (Session registration = client.login("default", user, "pw one".toCharArray())) {
                    created = SecretStorage.newKeyBundle(registration.exportKeys());
                    registration.complete(new CompleteAccountRequest(Base64Url.encode(created.keyBundle()),
                            new DeviceKeys("relay", Base64Url.encode(new byte[32]), Base64Url.encode(new byte[32]))));
                }
                try (Session session = client.login("default", user, "pw one".toCharArray());
                     SecretStorage secrets = SecretStorage.open(session)) {
                    secrets.put("wire.test", plaintext.getBytes(StandardCharsets.UTF_8));
                    try (SecretValue value = secrets.get("wire.test")) {
                        assertThat(new String(value.value(), StandardCharsets.UTF_8)).isEqualTo(plaintext);
                    }
                    secrets.export();
                    session.changePassword("pw two".toCharArray(), secrets::keyBundleFor);
                }
                try (SecretStorageKey key = SecretStorageKey.fromRecoveryKey(created.recoveryKey())) {
                    keyBytes = key.bytes();
                    client.recover("default", user, "pw three".toCharArray(), key);
                }
                try (Session session = client.login("default", user, "pw three".toCharArray());
                     SecretStorage secrets = SecretStorage.open(session); SecretValue value = secrets.get("wire.test")) {
                    assertThat(new String(value.value(), StandardCharsets.UTF_8)).isEqualTo(plaintext);
                }
            }
            byte[] toServer = relay.clientBytes();
            byte[] toClient = relay.serverBytes();
            // The relay reads the traffic: request lines and the plain recovery messages are in its log.
            assertThat(HttpCapture.contains(toServer, "/v1/secrets/wire.test".getBytes(StandardCharsets.US_ASCII))).isTrue();
            assertThat(HttpCapture.contains(toServer, "/recovery/finish".getBytes(StandardCharsets.US_ASCII))).isTrue();
            List<byte[]> needles = new ArrayList<>(forms(plaintext.getBytes(StandardCharsets.UTF_8)));
            needles.addAll(forms(keyBytes));
            needles.add(created.recoveryKey().getBytes(StandardCharsets.US_ASCII));
            needles.add(created.recoveryKey().replace(" ", "").getBytes(StandardCharsets.US_ASCII));
            for (String password : List.of("pw one", "pw two", "pw three")) {
                needles.add(password.getBytes(StandardCharsets.UTF_8));
            }
            for (byte[] needle : needles) {
                String shown = new String(needle, StandardCharsets.ISO_8859_1);
                assertThat(HttpCapture.contains(toServer, needle)).as("client to server holds " + shown).isFalse();
                assertThat(HttpCapture.contains(toClient, needle)).as("server to client holds " + shown).isFalse();
            }
        }
    }
}
