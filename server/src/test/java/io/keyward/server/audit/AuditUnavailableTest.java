package io.keyward.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyward.server.config.ConfigField;
import io.keyward.server.config.ConfigLoader;
import io.keyward.server.config.ConfigSources;
import io.keyward.server.config.NodeConfig;
import io.keyward.server.http.AdminAuthenticator;
import io.keyward.server.http.ApiServer;
import io.keyward.server.store.Database;
import io.keyward.server.testing.TestDatabases;
import io.keyward.server.testing.TestHttps;
import io.keyward.server.tls.SelfSignedCertificate;
import io.keyward.server.tls.TlsMaterial;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node does not answer what it cannot record: when the audit append fails, the answer is 503. */
class AuditUnavailableTest {
    @TempDir
    Path dir;

    @Test
    void aResponseThatCannotBeAuditedIsReplacedBy503() {
        SelfSignedCertificate.create(dir.resolve("cert.pem"), dir.resolve("key.pem"), List.of());
        TlsMaterial tls = TlsMaterial.load(dir.resolve("cert.pem"), dir.resolve("key.pem"));
        NodeConfig config = ConfigLoader.load(ConfigSources.ofFlags(Map.of(
                ConfigField.DATA_DIR, dir.toString(), ConfigField.SERVER_PORT, "0",
                ConfigField.SERVER_SHUTDOWN_GRACE, "0s")));
        Database db = TestDatabases.sqlite(dir.resolve("db"));
        AtomicBoolean secretServed = new AtomicBoolean();
        ApiServer server = new ApiServer(config.server(), tls, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                new AdminAuthenticator(Optional::empty), new AuditHook(AuditTesting.log(db)),
                List.of(routes -> routes.get("/test/secret", ctx -> {
                    secretServed.set(true);
                    ctx.json(Map.of("secret", "must not leave unaudited"));
                })));
        server.start();
        try {
            HttpClient client = TestHttps.client(tls.certificate(), HttpClient.Version.HTTP_1_1);
            HttpResponse<String> before = TestHttps.get(client, server.port(), "/test/secret");
            assertThat(before.statusCode()).isEqualTo(200);

            db.close(); // the audit log can no longer be written
            HttpResponse<String> after = TestHttps.get(client, server.port(), "/test/secret");
            assertThat(secretServed).isTrue();
            assertThat(after.statusCode()).isEqualTo(503);
            assertThat(after.headers().firstValue("Retry-After")).contains("5");
            assertThat(after.body()).contains("\"code\":\"unavailable\"").doesNotContain("must not leave");
        } finally {
            server.stop();
        }
    }
}
