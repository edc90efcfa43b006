package io.keyward.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.server.config.NodeConfig;
import io.keyward.server.testing.TestHttps;
import io.keyward.server.testing.TestNodes;
import io.keyward.server.tls.SelfSignedCertificate;
import io.keyward.server.tls.TlsMaterial;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping lets a request in flight finish (within the grace period) and refuses new connections. */
class GracefulShutdownTest {
    @TempDir
    Path dir;

    @Test
    void aRequestInFlightFinishesAndNewOnesAreRefused() throws Exception {
        SelfSignedCertificate.create(dir.resolve("cert.pem"), dir.resolve("key.pem"), List.of());
        TlsMaterial tls = TlsMaterial.load(dir.resolve("cert.pem"), dir.resolve("key.pem"));
        NodeConfig config = TestNodes.config(dir, "SERVER_SHUTDOWN_GRACE", "10s");
        CountDownLatch inHandler = new CountDownLatch(1);
        ApiModule slow = routes -> routes.get("/test/slow", ctx -> {
            inHandler.countDown();
            Thread.sleep(1000);
            ctx.result("done");
        });
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ApiServer server = new ApiServer(config.server(), tls, registry, new AdminAuthenticator(Optional::empty), List.of(slow));
        server.start();
        int port = server.port();
        HttpClient client = TestHttps.client(tls.certificate(), HttpClient.Version.HTTP_1_1);

        CompletableFuture<HttpResponse<String>> inFlight =
                CompletableFuture.supplyAsync(() -> TestHttps.get(client, port, "/test/slow"));
        assertThat(inHandler.await(10, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        server.stop();

        HttpResponse<String> response = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("done");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(10);
        HttpClient fresh = TestHttps.client(tls.certificate(), HttpClient.Version.HTTP_1_1);
        assertThatThrownBy(() -> TestHttps.get(fresh, port, "/test/slow")).isInstanceOf(IllegalStateException.class);
    }
}
