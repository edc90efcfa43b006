package io.keyward.server.lock;

/** The root lock is unusable (wrong or missing key, bad permissions) or refused to unwrap. One-line message, no key material. */
public class RootLockException extends RuntimeException {
    public RootLockException(String message) {
        super(message);
    }

    public RootLockException(String message, Throwable cause) {
        super(message, cause);
    }
}
