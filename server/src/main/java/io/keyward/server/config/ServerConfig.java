package io.keyward.server.config;

import java.time.Duration;

/**
 * The HTTPS listener.
 *
 * @param host the address to listen on (an IP literal or a host name)
 * @param port the TCP port; 0 picks a free one (tests)
 * @param shutdownGrace how long a stopping node lets in-flight requests finish
 */
public record ServerConfig(String host, int port, Duration shutdownGrace, LimitsConfig limits) {}
