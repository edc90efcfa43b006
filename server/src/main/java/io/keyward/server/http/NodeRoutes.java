package io.keyward.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.keyward.protocol.ErrorCodes;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The node's own routes: liveness, readiness, Prometheus metrics, the OpenAPI document, and the admin
 * view of the node.
 */
public final class NodeRoutes implements ApiModule {
    /** Where the OpenAPI 3.1 document lives on the class path (kept in the repository, served as is). */
    public static final String OPENAPI_RESOURCE = "/openapi.json";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final ReadinessCheck readiness;
    private final PrometheusMeterRegistry registry;
    private final Supplier<NodeStatus> status;
    private final byte[] openApi;

    public NodeRoutes(ReadinessCheck readiness, PrometheusMeterRegistry registry, Supplier<NodeStatus> status) {
        this.readiness = readiness;
        this.registry = registry;
        this.status = status;
        this.openApi = openApiDocument();
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/v1/health", ctx -> ctx.json(Map.of("status", "alive")));
        routes.get("/v1/ready", this::ready);
        routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
        routes.get("/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        routes.get("/v1/admin/node", ctx -> ctx.json(status.get()), ApiRole.ADMIN);
    }

    private void ready(Context ctx) {
        Optional<String> reason;
        try {
            reason = readiness.notReadyReason();
        } catch (RuntimeException e) {
            reason = Optional.of("readiness check failed");
        }
        if (reason.isPresent()) {
            Problems.write(ctx, Problems.of(503, ErrorCodes.UNAVAILABLE, reason.get()));
        } else {
            ctx.json(Map.of("status", "ready"));
        }
    }

    /** The OpenAPI document as shipped in the jar. */
    public static byte[] openApiDocument() {
        try (InputStream in = NodeRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + OPENAPI_RESOURCE + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
