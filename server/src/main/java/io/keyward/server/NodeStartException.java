package io.keyward.server;

/**
 * The node refused to start or could not. The message is one line for the operator (what is wrong and,
 * where it helps, what to do); it never carries key material.
 */
public class NodeStartException extends RuntimeException {
    public NodeStartException(String message) {
        super(message);
    }

    public NodeStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
