package io.keyward.server.http;

import io.keyward.protocol.WireJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.javalin.security.RouteRole;
import io.javalin.security.Roles;
import io.keyward.protocol.ErrorCodes;
import io.keyward.server.config.ServerConfig;
import io.keyward.server.store.StoreException;
import io.keyward.server.tls.TlsMaterial;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS API of one node: Javalin on Jetty 12 with virtual threads behind {@link TlsConnectors}.
 * Owns what every route shares: request ids, size limits, admin authentication, problem+json errors,
 * access log and metrics. Capabilities add their routes as {@link ApiModule}s.
 */
public final class ApiServer {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final String REQUEST_START = "keyward.request_start";

    private final Javalin app;
    private final HttpMetrics metrics;
    private final String host;
    private final int port;

    /** A server without an audit hook (tests of the HTTP layer alone). */
    public ApiServer(ServerConfig config, TlsMaterial tls, MeterRegistry registry, AdminAuthenticator admin,
            List<ApiModule> modules) {
        this(config, tls, registry, admin, RequestRecorder.NONE, modules);
    }

    /**
     * @param recorder runs after every request, matched or not (the audit hook); registered here so that
     *     no route can be added without it
     */
    public ApiServer(ServerConfig config, TlsMaterial tls, MeterRegistry registry, AdminAuthenticator admin,
            RequestRecorder recorder, List<ApiModule> modules) {
        this.metrics = new HttpMetrics(registry);
        this.host = config.host();
        this.port = config.port();
        long maxBody = config.limits().maxBodyBytes();
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.concurrency.useVirtualThreads = true;
            cfg.http.maxRequestSize = maxBody;
            cfg.http.prefer405over404 = true;
            cfg.http.defaultContentType = "application/json";
            cfg.jsonMapper(new JavalinJackson(WireJson.mapper(), true));

            cfg.jetty.modifyServer(server -> {
                // Each insert wraps what is there, giving Graceful -> SizeLimit -> Javalin: new requests are
                // refused while stopping, then bodies above the limit before any route reads them.
                server.insertHandler(new SizeLimitHandler(maxBody, -1));
                server.insertHandler(new GracefulHandler());
                server.setStopTimeout(config.shutdownGrace().toMillis());
                server.setStopAtShutdown(false); // the node's own shutdown hook drains, then closes the pool
                server.setErrorHandler(new ProblemErrorHandler(metrics));
            });
            cfg.jetty.addConnector((server, httpConfig) -> TlsConnectors.https(server, httpConfig, config, tls));

            cfg.routes.before(ctx -> {
                ctx.attribute(REQUEST_START, System.nanoTime());
                RequestIds.assign(ctx);
                ctx.header("Cache-Control", "no-store");
                ctx.header("X-Content-Type-Options", "nosniff");
                if (ctx.contentLength() > maxBody) {
                    throw new ApiException(413, ErrorCodes.BODY_TOO_LARGE,
                            "the request body is larger than " + maxBody + " bytes");
                }
            });
            cfg.routes.beforeMatched(admin::check);
            // After-handlers run for every request, also when a handler or the admin check threw
            // (the exception mappers have set the status by then), and before the response is sent.
            cfg.routes.after(recorder::record);

            cfg.routes.exception(ApiException.class, (e, ctx) -> Problems.write(ctx, e.problem()));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> {
                int status = e.getStatus();
                if (status == 405) {
                    ctx.header("Allow", allowedMethods(ctx.path()));
                }
                Problems.write(ctx, Problems.of(status, Problems.codeFor(status), Problems.detailFor(status)));
            });
            cfg.routes.exception(StoreException.class, (e, ctx) -> {
                if (e.reason() == StoreException.Reason.UNAVAILABLE) {
                    LOG.warn("request {} failed: {} {}: database unavailable: {}", RequestIds.of(ctx), ctx.method(),
                            routeOf(ctx), e.getMessage());
                    ctx.header("Retry-After", "5");
                    Problems.write(ctx, Problems.of(503, ErrorCodes.UNAVAILABLE, "the database is not available; retry later"));
                } else {
                    internalError(ctx, e);
                }
            });
            cfg.routes.exception(Exception.class, (e, ctx) -> internalError(ctx, e));

            cfg.requestLogger.http((ctx, ms) -> {
                Long start = ctx.attribute(REQUEST_START);
                long nanos = start == null ? (long) (ms * 1e6) : System.nanoTime() - start;
                String route = routeOf(ctx);
                AccessLog.log(ctx.method().name(), route, ctx.statusCode(), nanos, RequestIds.of(ctx), ctx.ip());
                metrics.record(ctx.method().name(), route, ctx.statusCode(), nanos);
            });

            for (ApiModule module : modules) {
                module.register(cfg.routes);
            }
        });
    }

    /** The client learns only that it failed and the id to report; the log has the rest. */
    private static void internalError(Context ctx, Exception e) {
        String id = RequestIds.of(ctx);
        LOG.error("request {} failed: {} {}", id, ctx.method(), routeOf(ctx), e);
        Problems.write(ctx, Problems.of(500, ErrorCodes.INTERNAL, "internal error (request id " + id + ")"));
    }

    /** Starts listening; a port in use or a bad address fails with a one-line {@link IllegalStateException}. */
    public void start() {
        try {
            app.start();
        } catch (RuntimeException e) {
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.net.BindException bind && bind.getMessage() != null) {
                    why = bind.getMessage().toLowerCase(java.util.Locale.ROOT);
                }
            }
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + why, e);
        }
    }

    /** The bound port (useful when the configuration asked for port 0). */
    public int port() {
        return app.port();
    }

    /**
     * Stops accepting connections, lets in-flight requests finish for up to the configured grace
     * period, then stops.
     */
    public void stop() {
        app.stop();
    }

    /** Every registered route as {@code METHOD path}, e.g. {@code GET /v1/health}. */
    public Set<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Every registered route with the admin role, as {@code METHOD path}. */
    public Set<String> adminRoutes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .filter(endpoint -> rolesOf(endpoint).contains(ApiRole.ADMIN))
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Set<RouteRole> rolesOf(Endpoint endpoint) {
        Roles roles = endpoint.metadata(Roles.class);
        return roles == null ? Set.of() : roles.getRoles();
    }

    private String allowedMethods(String path) {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(parsed -> parsed.endpoint.method.isHttpMethod() && parsed.matches(path))
                .map(parsed -> parsed.endpoint.method.name())
                .distinct().sorted().collect(Collectors.joining(", "));
    }

    /** The matched route template, never the raw path. */
    static String routeOf(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? HttpMetrics.UNMATCHED : endpoint.path;
    }
}
