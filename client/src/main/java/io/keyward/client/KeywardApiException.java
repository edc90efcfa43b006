package io.keyward.client;

/**
 * A request failed: the server answered with a problem ({@code status} and its stable {@code code}), or the
 * exchange itself failed (status 0 and a client-side code such as {@code connection_failed},
 * {@code server_untrusted} or {@code invalid_response}). The message is one line, {@code <code>: <detail>}.
 */
public class KeywardApiException extends RuntimeException {
    /** The connection or TLS handshake failed; no answer from the server. */
    public static final String CONNECTION_FAILED = "connection_failed";
    /** The server's certificate did not pass the configured {@link ServerTrust}. */
    public static final String SERVER_UNTRUSTED = "server_untrusted";
    /** The answer could not be understood or did not authenticate (a sealed response that fails to open). */
    public static final String INVALID_RESPONSE = "invalid_response";
    /** The server failed OPAQUE authentication (its KE2 MAC, or a public key other than the org's). */
    public static final String SERVER_AUTHENTICATION_FAILED = "server_authentication_failed";

    private final int status;
    private final String code;
    private final String detail;

    public KeywardApiException(int status, String code, String detail) {
        this(status, code, detail, null);
    }

    public KeywardApiException(int status, String code, String detail, Throwable cause) {
        super(code + ": " + detail, cause);
        this.status = status;
        this.code = code;
        this.detail = detail;
    }

    /** The HTTP status, or 0 when no answer arrived. */
    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }
}
