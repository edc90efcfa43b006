package io.keyward.server.http;

import io.keyward.protocol.Problem;

/**
 * Thrown by a handler to answer with an {@code application/problem+json} error. The detail is one
 * human line that says what was wrong; it must never carry a secret, a key or request body content.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    public ApiException(int status, String code, String detail) {
        super(detail);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an API error needs a 4xx or 5xx status, got " + status);
        }
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Problem problem() {
        return Problems.of(status, code, getMessage());
    }
}
