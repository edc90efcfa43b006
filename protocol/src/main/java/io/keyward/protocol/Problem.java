package io.keyward.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An {@code application/problem+json} error body (RFC 9457) with Keyward's stable machine
 * {@code code}. {@code detail} is one human line; it never carries a secret, key or stack trace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String code, String detail) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String code, String detail) {
        return new Problem("about:blank", ErrorCodes.title(status), status, code, detail);
    }
}
