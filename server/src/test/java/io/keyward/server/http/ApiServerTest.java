package io.keyward.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.server.AdminToken;
import io.keyward.server.config.ConfigField;
import io.keyward.server.config.ConfigLoader;
import io.keyward.server.config.ConfigSources;
import io.keyward.server.config.NodeConfig;
import io.keyward.server.store.StoreException;
import io.keyward.server.testing.TestHttps;
import io.keyward.server.tls.SelfSignedCertificate;
import io.keyward.server.tls.TlsMaterial;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The HTTPS layer on its own: TLS, HTTP/2, errors, limits, admin authentication, metrics, access log. */
class ApiServerTest {
    @TempDir
    static Path dir;

    static final String TOKEN = AdminToken.generate();
    static final AtomicReference<Optional<String>> NOT_READY = new AtomicReference<>(Optional.empty());
    static final ListAppender<ILoggingEvent> ACCESS = new ListAppender<>();
    static final ObjectMapper JSON = new ObjectMapper();

    static TlsMaterial tls;
    static ApiServer server;
    static HttpClient h1;
    static HttpClient h2;

    record Echo(String userId, int count) {}

    @BeforeAll
    static void start() {
        SelfSignedCertificate.create(dir.resolve("cert.pem"), dir.resolve("key.pem"), List.of());
        tls = TlsMaterial.load(dir.resolve("cert.pem"), dir.resolve("key.pem"));
        NodeConfig config = ConfigLoader.load(ConfigSources.ofFlags(Map.of(
                ConfigField.DATA_DIR, dir.toString(), ConfigField.SERVER_PORT, "0",
                ConfigField.SERVER_MAX_BODY_BYTES, "4KiB", ConfigField.SERVER_MAX_HEADER_BYTES, "4KiB")));
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        NodeStatus status = new NodeStatus("test", Instant.now(), 0, "sqlite", "file:test", tls.fingerprint());
        ApiModule testRoutes = routes -> {
            routes.post("/test/echo/{name}", ctx -> ctx.json(JsonBodies.read(ctx, Echo.class)));
            routes.get("/test/db-down", ctx -> {
                throw new StoreException("connection refused", StoreException.Reason.UNAVAILABLE);
            });
            routes.get("/test/boom", ctx -> {
                throw new IllegalStateException("database password=hunter2 leaked");
            });
        };
        server = new ApiServer(config.server(), tls, registry,
                new AdminAuthenticator(() -> Optional.of(AdminToken.hash(TOKEN))),
                List.of(new NodeRoutes(NOT_READY::get, registry, () -> status), testRoutes));
        ACCESS.start();
        ((Logger) LoggerFactory.getLogger("keyward.access")).addAppender(ACCESS);
        server.start();
        h1 = TestHttps.client(tls.certificate(), HttpClient.Version.HTTP_1_1);
        h2 = TestHttps.client(tls.certificate(), HttpClient.Version.HTTP_2);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger("keyward.access")).detachAppender(ACCESS);
        server.stop();
    }

    static HttpResponse<String> get(String path, String... headers) {
        return TestHttps.get(h1, server.port(), path, headers);
    }

    static HttpResponse<String> post(String path, String contentType, String body) {
        return TestHttps.send(h1, HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static JsonNode problem(HttpResponse<String> response, int status, String code) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue(RequestIds.HEADER)).isPresent();
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("detail").asText()).isNotBlank();
        return body;
    }

    @Test
    void healthAnswersOverTls13WithARequestId() throws IOException {
        HttpResponse<String> response = get("/v1/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("status").asText()).isEqualTo("alive");
        assertThat(response.sslSession()).hasValueSatisfying(s -> assertThat(s.getProtocol()).isEqualTo("TLSv1.3"));
        assertThat(response.headers().firstValue(RequestIds.HEADER)).hasValueSatisfying(id -> assertThat(id).hasSize(16));
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    }

    @Test
    void http2IsNegotiatedWhenOffered() {
        HttpResponse<String> response = TestHttps.get(h2, server.port(), "/v1/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
    }

    @Test
    void tls12ClientIsRefusedAndTls13ClientServed() throws IOException {
        assertThatThrownBy(() -> TestHttps.handshake(tls.certificate(), server.port(), "TLSv1.2"))
                .isInstanceOf(SSLException.class);
        assertThat(TestHttps.handshake(tls.certificate(), server.port(), "TLSv1.3")).isEqualTo("TLSv1.3");
    }

    @Test
    void unknownRouteIs404Problem() throws IOException {
        problem(get("/v1/nothing-here"), 404, "not_found");
    }

    @Test
    void wrongMethodIs405ProblemWithAllow() throws IOException {
        HttpResponse<String> response = post("/v1/health", "application/json", "{}");
        problem(response, 405, "method_not_allowed");
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void bodyAboveTheLimitIs413Problem() throws IOException {
        String big = "{\"user_id\":\"" + "a".repeat(5000) + "\",\"count\":1}";
        problem(post("/test/echo/x", "application/json", big), 413, "body_too_large");
    }

    @Test
    void headersAboveTheLimitAre431Problem() throws IOException {
        HttpResponse<String> response = get("/v1/health", "X-Big", "b".repeat(6000));
        assertThat(problem(response, 431, "bad_request").path("title").asText()).isEqualTo("Request Header Fields Too Large");
    }

    @Test
    void malformedJsonIs400Problem() throws IOException {
        JsonNode body = problem(post("/test/echo/x", "application/json", "{\"user_id\": \"a\", "), 400, "malformed_json");
        assertThat(body.path("detail").asText()).contains("not valid JSON").doesNotContain("user_id");
    }

    @Test
    void unknownAndMistypedFieldsAre400InvalidField() throws IOException {
        assertThat(problem(post("/test/echo/x", "application/json", "{\"user_id\":\"a\",\"count\":1,\"cuont\":1}"), 400, "invalid_field")
                .path("detail").asText()).isEqualTo("unknown field cuont");
        assertThat(problem(post("/test/echo/x", "application/json", "{\"user_id\":\"a\",\"count\":\"x\"}"), 400, "invalid_field")
                .path("detail").asText()).contains("count");
        assertThat(problem(post("/test/echo/x", "application/json", "{\"user_id\":\"a\"}"), 400, "invalid_field")
                .path("detail").asText()).isEqualTo("field count is missing or has the wrong type");
        problem(post("/test/echo/x", "text/plain", "{}"), 415, "unsupported_media_type");
    }

    @Test
    void wellFormedJsonIsServed() throws IOException {
        HttpResponse<String> response = post("/test/echo/x", "application/json", "{\"user_id\":\"alice\",\"count\":3}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("user_id").asText()).isEqualTo("alice");
    }

    @Test
    void uncaughtExceptionIs500WithRequestIdAndNoDetail() throws IOException {
        HttpResponse<String> response = get("/test/boom");
        JsonNode body = problem(response, 500, "internal_error");
        String id = response.headers().firstValue(RequestIds.HEADER).orElseThrow();
        assertThat(body.path("detail").asText()).contains(id).doesNotContain("hunter2").doesNotContain("IllegalState");
    }

    @Test
    void anUnavailableDatabaseIs503() throws IOException {
        HttpResponse<String> response = get("/test/db-down");
        problem(response, 503, "unavailable");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    }

    @Test
    void adminRouteNeedsTheToken() throws IOException {
        problem(get("/v1/admin/node"), 401, "unauthorized");
        problem(get("/v1/admin/node", "Authorization", "Bearer kwa_wrong"), 401, "unauthorized");
        problem(get("/v1/admin/node", "Authorization", "Bearer " + TOKEN + "x"), 401, "unauthorized");
        HttpResponse<String> ok = get("/v1/admin/node", "Authorization", "Bearer " + TOKEN);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).path("certificate_sha256").asText()).isEqualTo(tls.fingerprint());
    }

    @Test
    void everyAdminPathCarriesTheAdminRole() {
        assertThat(server.routes()).filteredOn(r -> r.contains(" /v1/admin"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(server.adminRoutes()).contains(r));
    }

    @Test
    void readinessFollowsTheCheck() throws IOException {
        assertThat(get("/v1/ready").statusCode()).isEqualTo(200);
        NOT_READY.set(Optional.of("the database does not answer"));
        try {
            assertThat(problem(get("/v1/ready"), 503, "unavailable").path("detail").asText())
                    .isEqualTo("the database does not answer");
        } finally {
            NOT_READY.set(Optional.empty());
        }
    }

    @Test
    void metricsCountRequestsPerRouteTemplate() {
        post("/test/echo/some-secret-value", "application/json", "{\"user_id\":\"a\",\"count\":1}");
        String metrics = get("/metrics").body();
        assertThat(metrics).contains("http_server_requests_seconds_count{")
                .contains("route=\"/test/echo/{name}\"")
                .contains("http_server_requests_seconds_bucket{")
                .doesNotContain("some-secret-value");
    }

    @Test
    void accessLogHasOneLinePerRequestWithoutSecrets() {
        ACCESS.list.clear();
        get("/v1/admin/node?token=querysecret", "Authorization", "Bearer " + TOKEN);
        List<String> lines = ACCESS.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst())
                .startsWith("method=GET route=/v1/admin/node status=200 duration_ms=")
                .contains("request_id=").contains("client=127.0.0.1")
                .doesNotContain(TOKEN).doesNotContain("querysecret");
    }
}
