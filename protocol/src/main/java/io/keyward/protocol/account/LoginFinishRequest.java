package io.keyward.protocol.account;

/**
 * {@code POST /v1/orgs/{org}/login/finish}; {@code ke3} is RFC 9807 KE3, base64url.
 *
 * @param requestLimit optional: the client asks for a session that accepts at most this many requests
 *     (1 = strict one-request mode); the server applies the lower of this and its own limit. Null: the server's.
 */
public record LoginFinishRequest(String loginId, String ke3, Integer requestLimit) {
    public LoginFinishRequest(String loginId, String ke3) {
        this(loginId, ke3, null);
    }
}
