package io.keyward.server.session;

import io.keyward.protocol.ErrorCodes;
import io.keyward.server.http.ApiException;

/** 429 {@code rate_limited}; the route adds {@code Retry-After: retryAfterSeconds}. */
public final class RateLimitedException extends ApiException {
    private final long retryAfterSeconds;

    public RateLimitedException(long retryAfterSeconds) {
        super(429, ErrorCodes.RATE_LIMITED, "too many failed logins; retry in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
