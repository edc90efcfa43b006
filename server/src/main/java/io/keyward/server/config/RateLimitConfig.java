package io.keyward.server.config;

import java.time.Duration;

/**
 * Limits on failed logins, per account and per client address, kept in the database so they hold across
 * nodes. A login counts as failed from its start until it succeeds; after {@code accountFailures} (or
 * {@code addressFailures}) within {@code window}, each further attempt refuses the next ones for
 * {@code baseDelay * 2^k}, at most {@code maxDelay}.
 */
public record RateLimitConfig(int accountFailures, int addressFailures, Duration window, Duration baseDelay,
                              Duration maxDelay) {
    public static final RateLimitConfig DEFAULT =
            new RateLimitConfig(5, 50, Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofMinutes(15));
}
