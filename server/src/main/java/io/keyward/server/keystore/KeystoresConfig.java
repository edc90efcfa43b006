package io.keyward.server.keystore;

import java.time.Duration;

/**
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
