package io.keyward.server.config;

import java.time.Duration;

/**
 * The keystores capability (issue 6): how long and how many unwrapped keystore locks and working keys stay
 * in memory. The root lock is asked once per keystore per {@code cacheTtl}.
 *
 * @param cacheTtl how long an unwrapped keystore lock or working key stays in memory after it was unwrapped
 * @param cacheSize how many lock keys, and how many working keys, the cache holds at most (least recently used leave)
 */
public record KeystoresConfig(Duration cacheTtl, int cacheSize) {
    public static final KeystoresConfig DEFAULT = new KeystoresConfig(Duration.ofMinutes(5), 10_000);

    public KeystoresConfig {
        if (cacheTtl.isNegative() || cacheSize < 1) {
            throw new IllegalArgumentException("keystores cache: a non-negative time-to-live and a size of at least 1");
        }
    }
}
