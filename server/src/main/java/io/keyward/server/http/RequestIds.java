package io.keyward.server.http;

import io.javalin.http.Context;
import io.keyward.crypto.util.Base64Url;
import java.security.SecureRandom;

/**
 * Every response carries {@code Keyward-Request-Id}; logs and audit entries carry the same id, so an
 * operator can find the log line for a user's error report. The id is always generated here, never
 * taken from the client, so it cannot be used to inject text into logs.
 */
public final class RequestIds {
    public static final String HEADER = "Keyward-Request-Id";
    static final String ATTRIBUTE = "keyward.request_id";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {}

    static String next() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64Url.encode(bytes);
    }

    /** The id of the request being handled ("-" before one was assigned). */
    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "-" : id;
    }

    static void assign(Context ctx) {
        String id = next();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }
}
