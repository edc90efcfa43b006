package io.keyward.server.lock;

/**
 * The root lock's backing service (an HSM, AWS KMS) cannot be reached or failed, as opposed to a
 * refusal: the key may well be the right one. A node does not start while this is so, and
 * {@code /v1/ready} answers 503. One-line message, no key material, PIN or credentials.
 */
public class RootLockUnavailableException extends RootLockException {
    public RootLockUnavailableException(String message) {
        super(message);
    }

    public RootLockUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
