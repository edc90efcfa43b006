package io.keyward.server.http;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the {@code keyward.access} logger, in logfmt: method, route template, status,
 * duration, request id and client address. Never bodies, headers, query strings or raw paths, which is
 * where tokens, keys and user ids would travel.
 */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("keyward.access");

    private AccessLog() {}

    static void log(String method, String route, int status, long nanos, String requestId, String client) {
        if (LOG.isInfoEnabled()) {
            LOG.info("method={} route={} status={} duration_ms={} request_id={} client={}",
                    method, route, status, String.format(Locale.ROOT, "%.3f", nanos / 1e6), requestId, client);
        }
    }
}
