package io.keyward.crypto;

/**
 * A cryptographic operation refused its input or failed to authenticate.
 *
 * <p>Messages are one line, say what was wrong, and never carry key material, plaintext or
 * anything derived from a secret. Subclasses name the kind of failure so callers can map it to a
 * stable wire error code without parsing messages.
 */
public class CryptoException extends RuntimeException {
    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
