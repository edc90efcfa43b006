package io.keyward.server.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Request counts and latency histograms per route template ({@code /v1/orgs/{org}}, never the raw
 * path, whose values could be secret-bearing and would make the metric unbounded).
 */
final class HttpMetrics {
    static final String NAME = "http.server.requests";
    /** The route label of requests that matched no route (404, 405, rejected by Jetty). */
    static final String UNMATCHED = "unmatched";

    private final MeterRegistry registry;

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String method, String route, int status, long nanos) {
        Timer.builder(NAME)
                .description("HTTP requests handled, by method, route template and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .tag("outcome", status >= 500 ? "server_error" : status >= 400 ? "client_error" : "success")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }
}
