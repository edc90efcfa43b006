package io.keyward.client;

/**
 * Options of one login.
 *
 * @param requestLimit ask for a session that accepts at most this many sealed requests (1 = strict
 *     one-request mode); null takes the server's limit. The server applies the lower of the two.
 */
public record LoginOptions(Integer requestLimit) {
    public static final LoginOptions DEFAULT = new LoginOptions(null);

    public LoginOptions {
        if (requestLimit != null && requestLimit < 1) {
            throw new IllegalArgumentException("request limit must be 1 or more");
        }
    }

    public static LoginOptions requestLimit(int limit) {
        return new LoginOptions(limit);
    }
}
