package io.keyward.cli.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyward.cli.profile.Fingerprints;
import io.keyward.client.KeywardClient;
import io.keyward.client.ServerTrust;
import io.keyward.client.Session;
import io.keyward.crypto.util.Base64Url;
import io.keyward.protocol.account.CompleteAccountRequest;
import io.keyward.protocol.account.DeviceKeys;
import io.keyward.server.KeywardNode;
import io.keyward.server.StartReport;
import io.keyward.server.store.StorageSettings;
import io.keyward.server.testing.TestDatabases;
import io.keyward.server.testing.TestNodes;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, "Done when": two nodes on one PostgreSQL database behind a TLS-terminating relay that acts
 * as the load balancer. A session opened through node 1 keeps working when the relay sends it to
 * node 2 (node 1 is stopped by then, so node 2 must have served it), and a sealed request captured on
 * its way to node 1 and replayed to node 2 is refused there.
 */
class TwoNodesTest {
    @TempDir
    Path dir;

    @Test
    void aSessionOpenedOnOneNodeServesOnTheOtherAndAReplayThereIsRefused() throws Exception {
        StorageSettings shared = TestDatabases.postgresSettings();
        String[] storage = {"STORAGE_JDBC_URL", shared.jdbcUrl(), "STORAGE_USERNAME", shared.username(),
            "ACCOUNTS_DEFAULT_ORG_KSF", SealedChannelRelayTest.CHEAP_KSF};
        KeywardNode first = new KeywardNode(TestNodes.config(dir.resolve("node1"), storage));
        StartReport firstReport = first.start();
        // The second node opens the same database with the same root key, as every node of a cluster must.
        String[] second = java.util.Arrays.copyOf(storage, storage.length + 2);
        second[storage.length] = "ROOT_LOCK_KEY_FILE";
        second[storage.length + 1] = firstReport.rootKeyFile().orElseThrow().toString();
        KeywardNode other = new KeywardNode(TestNodes.config(dir.resolve("node2"), second));
        other.start();
        try (TlsTerminatingRelay balancer = TlsTerminatingRelay.start(dir, first.port(), first.certificate(),
                other.certificate())) {
            URI through = URI.create("https://127.0.0.1:" + balancer.port());
            char[] password = "two nodes, one database".toCharArray();
            try (KeywardClient client = KeywardClient.connect(through, ServerTrust.pinned(Fingerprints.of(balancer.certificate())))) {
                client.register("default", "erin", password, null);
                Session registration = client.login("default", "erin", password);
                registration.complete(new CompleteAccountRequest(Base64Url.encode(new byte[40]),
                        new DeviceKeys("two-nodes", Base64Url.encode(new byte[32]), Base64Url.encode(new byte[32]))));
                registration.close();

                Session session = client.login("default", "erin", password);
                assertThat(session.account().userId()).isEqualTo("erin");
                List<HttpCapture.Message> toFirst = HttpCapture.parse(balancer.clientBytes());
                HttpCapture.Message captured = toFirst.stream()
                        .filter(r -> r.startLine().startsWith("GET /v1/account ")).reduce((a, b) -> b).orElseThrow();

                // The balancer moves the client to node 2, and node 1 goes away.
                balancer.retarget(other.port());
                balancer.dropConnections();
                first.stop();
                Thread.sleep(200); // lets the HTTP client notice its pooled connection closed
                assertThat(session.account().userId()).isEqualTo("erin");
                assertThat(session.account().session().sessionId()).isEqualTo(session.sessionId());

                // The request node 1 served, replayed to node 2 directly: its seq is used, on every node.
                SealedChannelRelayTest.assertProblem(RawHttps.exchange(other.certificate(), other.port(), captured.raw()),
                        "seq_replayed");
                session.close();
            }
        } finally {
            first.stop();
            other.stop();
        }
    }
}
