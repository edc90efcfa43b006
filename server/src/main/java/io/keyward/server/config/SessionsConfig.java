package io.keyward.server.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Session lifetimes (DESIGN.md, "Accounts and sessions").
 *
 * @param ttl how long a session lives after login, however busy
 * @param idleTimeout a session unused for this long ends
 * @param requestLimit sealed requests one session accepts (empty: no limit but expiry; 1 is the strict
 *     one-request mode); a client may ask for a lower limit at login
 */
public record SessionsConfig(Duration ttl, Duration idleTimeout, Optional<Integer> requestLimit) {
    public static final SessionsConfig DEFAULT =
            new SessionsConfig(Duration.ofHours(12), Duration.ofMinutes(30), Optional.empty());
}
