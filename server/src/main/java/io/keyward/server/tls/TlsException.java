package io.keyward.server.tls;

/** The node's certificate or key cannot be created or used. One line; never key material. */
public class TlsException extends RuntimeException {
    public TlsException(String message) {
        super(message);
    }

    public TlsException(String message, Throwable cause) {
        super(message, cause);
    }
}
