package io.keyward.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.server.config.ConfigException;
import io.keyward.server.config.NodeConfig;
import io.keyward.server.lock.KeyFileRootLock;
import io.keyward.server.store.StorageSettings;
import io.keyward.server.testing.DirectorySnapshot;
import io.keyward.server.testing.TestDatabases;
import io.keyward.server.tls.SelfSignedCertificate;
import io.keyward.server.testing.TestHttps;
import io.keyward.server.testing.TestNodes;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole node in-process: first start, restart, refusals that change nothing. */
class KeywardNodeTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static NodeConfig config(Path dataDir, String... more) {
        return TestNodes.config(dataDir, more);
    }

    /** Starts a node on a new data directory and stops it again: an initialized directory. */
    private Path initialized() {
        Path data = tmp.resolve("data");
        try (KeywardNode node = new KeywardNode(config(data))) {
            node.start();
        }
        return data;
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void firstStartCreatesEverythingAndPrintsTheTokenOnce() throws IOException {
        Path data = tmp.resolve("data");
        StartReport first;
        String token;
        try (KeywardNode node = new KeywardNode(config(data))) {
            first = node.start();
            assertThat(first.adminToken()).isPresent();
            token = first.adminToken().get();
            assertThat(token).startsWith("kwa_").hasSize(4 + 43);
            assertThat(first.rootKeyCreated()).isTrue();
            assertThat(first.certificateCreated()).isTrue();
            assertThat(first.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}").isEqualTo(node.fingerprint());
            assertThat(first.url()).isEqualTo("https://127.0.0.1:" + node.port());
            assertThat(first.toString()).doesNotContain(token);

            assertThat(mode(data)).isEqualTo("rwx------");
            assertThat(mode(data.resolve("root.key"))).isEqualTo("rw-------");
            assertThat(mode(data.resolve(KeywardNode.TLS_KEY_FILE))).isEqualTo("rw-------");
            assertThat(data.resolve("keyward.db")).exists();
            // Only the hash is stored.
            assertThat(Files.readAllBytes(data.resolve("keyward.db"))).asString().doesNotContain(token);

            HttpClient client = TestHttps.client(node.certificate(), HttpClient.Version.HTTP_2);
            HttpResponse<String> health = TestHttps.get(client, node.port(), "/v1/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.sslSession()).hasValueSatisfying(s -> assertThat(s.getProtocol()).isEqualTo("TLSv1.3"));
            assertThat(TestHttps.get(client, node.port(), "/v1/ready").statusCode()).isEqualTo(200);
            assertThat(TestHttps.get(client, node.port(), "/v1/admin/node").statusCode()).isEqualTo(401);
            HttpResponse<String> status = TestHttps.get(client, node.port(), "/v1/admin/node", "Authorization", "Bearer " + token);
            assertThat(status.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(status.body());
            assertThat(body.path("storage").asText()).isEqualTo("sqlite");
            assertThat(body.path("certificate_sha256").asText()).isEqualTo(first.fingerprint());
            assertThat(body.path("started_at").asText()).endsWith("Z");

            String metrics = TestHttps.get(client, node.port(), "/metrics").body();
            assertThat(metrics).contains("route=\"/v1/admin/node\"").contains("jvm_memory_used_bytes")
                    .contains("hikaricp_connections");
        }

        // A restart reuses the key, database and certificate, and never shows a token again.
        try (KeywardNode again = new KeywardNode(config(data))) {
            StartReport second = again.start();
            assertThat(second.adminToken()).isEmpty();
            assertThat(second.rootKeyCreated()).isFalse();
            assertThat(second.certificateCreated()).isFalse();
            assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
            HttpClient client = TestHttps.client(again.certificate(), HttpClient.Version.HTTP_1_1);
            assertThat(TestHttps.get(client, again.port(), "/v1/admin/node", "Authorization", "Bearer " + token)
                    .statusCode()).isEqualTo(200);
        }
    }

    private void refusedWithoutChange(Path data, NodeConfig config, String message) {
        Map<String, String> before = DirectorySnapshot.of(data);
        assertThatThrownBy(() -> new KeywardNode(config).start())
                .isInstanceOf(NodeStartException.class)
                .hasMessage(message);
        assertThat(DirectorySnapshot.of(data)).isEqualTo(before);
    }

    @Test
    void refusesAMissingRootKeyWithoutChangingAnything() throws IOException {
        Path data = initialized();
        Files.move(data.resolve("root.key"), tmp.resolve("root.key.moved"));
        refusedWithoutChange(data, config(data), "root key file " + data.resolve("root.key") + " is missing but the database "
                + data.resolve("keyward.db") + " exists: restore the key file from its backup (a new key could not open this database)");
    }

    @Test
    void refusesAWorldReadableRootKeyWithoutChangingAnything() throws IOException {
        Path data = initialized();
        Files.setPosixFilePermissions(data.resolve("root.key"), PosixFilePermissions.fromString("rw-r--r--"));
        refusedWithoutChange(data, config(data),
                "root key file " + data.resolve("root.key") + " is readable by group or others; chmod 600 it");
    }

    @Test
    void refusesAWrongRootKeyWithoutChangingAnything() throws IOException {
        Path data = initialized();
        Path other = tmp.resolve("other.key");
        KeyFileRootLock.createKeyFile(other);
        Files.copy(other, data.resolve("root.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        refusedWithoutChange(data, config(data), "root key does not match this database");
    }

    @Test
    void refusesABadConfigurationWithoutChangingAnything() {
        Path data = initialized();
        Map<String, String> before = DirectorySnapshot.of(data);
        assertThatThrownBy(() -> config(data, "SERVER_PORT", "70000"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config: server.port must be 0-65535 (0 picks a free port), got 70000 (from the command line)");
        assertThat(DirectorySnapshot.of(data)).isEqualTo(before);
    }

    @Test
    void aFailedFirstStartLeavesNothingBehind() throws IOException {
        Path data = tmp.resolve("fresh");
        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            NodeConfig config = config(data, "SERVER_PORT", Integer.toString(busy.getLocalPort()));
            assertThatThrownBy(() -> new KeywardNode(config).start())
                    .isInstanceOf(NodeStartException.class)
                    .hasMessage("cannot listen on 127.0.0.1:" + busy.getLocalPort() + ": address already in use");
        }
        assertThat(data).doesNotExist();
        // And the next start is a clean first start.
        try (KeywardNode node = new KeywardNode(config(data))) {
            assertThat(node.start().adminToken()).isPresent();
        }
    }

    @Test
    void aDirectoryWithAKeyButNoDatabaseStartsAndRecordsTheKey() throws IOException {
        // An operator may provision the key file before the first start (e.g. from a secret store).
        Path data = tmp.resolve("provisioned");
        Files.createDirectories(data);
        KeyFileRootLock.createKeyFile(data.resolve("root.key"));
        String key = Files.readString(data.resolve("root.key"));
        try (KeywardNode node = new KeywardNode(config(data))) {
            StartReport report = node.start();
            assertThat(report.rootKeyCreated()).isFalse();
            assertThat(report.adminToken()).isPresent();
        }
        assertThat(Files.readString(data.resolve("root.key"))).isEqualTo(key);
    }

    @Test
    void nodesSharingPostgresNeedTheSameRootKey() throws IOException {
        StorageSettings pg = TestDatabases.postgresSettings();
        String[] storage = {"STORAGE_JDBC_URL", pg.jdbcUrl(), "STORAGE_USERNAME", pg.username()};
        Path first = tmp.resolve("node-a");
        String fingerprint;
        try (KeywardNode a = new KeywardNode(config(first, storage))) {
            StartReport report = a.start();
            assertThat(report.adminToken()).isPresent();
            assertThat(first.resolve("keyward.db")).doesNotExist();
            fingerprint = report.fingerprint();
        }

        // A second node with its own, new key is refused and leaves nothing behind.
        Path second = tmp.resolve("node-b");
        assertThatThrownBy(() -> new KeywardNode(config(second, storage)).start())
                .isInstanceOf(NodeStartException.class)
                .hasMessage("root key does not match this database");
        assertThat(second).doesNotExist();

        // With a copy of the first node's key it joins, and the token is not shown again.
        Files.createDirectories(second);
        Files.copy(first.resolve("root.key"), second.resolve("root.key"));
        Files.setPosixFilePermissions(second.resolve("root.key"), PosixFilePermissions.fromString("rw-------"));
        try (KeywardNode b = new KeywardNode(config(second, storage))) {
            StartReport report = b.start();
            assertThat(report.adminToken()).isEmpty();
            assertThat(report.fingerprint()).isNotEqualTo(fingerprint); // its own certificate
            HttpClient client = TestHttps.client(b.certificate(), HttpClient.Version.HTTP_2);
            assertThat(TestHttps.get(client, b.port(), "/v1/ready").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void servesTheOperatorsCertificateWhenConfigured() throws IOException {
        Path certs = tmp.resolve("certs");
        Files.createDirectories(certs);
        X509Certificate operators = SelfSignedCertificate.create(certs.resolve("cert.pem"), certs.resolve("key.pem"), List.of());
        Path data = tmp.resolve("data");
        try (KeywardNode node = new KeywardNode(config(data,
                "TLS_CERT_FILE", certs.resolve("cert.pem").toString(), "TLS_KEY_FILE", certs.resolve("key.pem").toString()))) {
            StartReport report = node.start();
            assertThat(report.certificateCreated()).isFalse();
            assertThat(node.certificate()).isEqualTo(operators);
            assertThat(TestHttps.get(TestHttps.client(operators, HttpClient.Version.HTTP_1_1), node.port(), "/v1/health")
                    .statusCode()).isEqualTo(200);
        }
        assertThat(data.resolve(KeywardNode.TLS_CERT_FILE)).doesNotExist();
    }

    @Test
    void aNodeStartsOnce() {
        try (KeywardNode node = new KeywardNode(config(tmp.resolve("once")))) {
            node.start();
            assertThatThrownBy(node::start).isInstanceOf(IllegalStateException.class);
        }
    }
}
