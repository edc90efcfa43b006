package io.keyward.server.store;

/** Storage failed. Carries no row contents (they may be secret-bearing). */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
