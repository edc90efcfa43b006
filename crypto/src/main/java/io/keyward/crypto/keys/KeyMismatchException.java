package io.keyward.crypto.keys;

import io.keyward.crypto.CryptoException;

/** Two keys that must work together do not (e.g. an X25519 sender with a P-256 recipient). */
public final class KeyMismatchException extends CryptoException {
    public KeyMismatchException(String message) {
        super(message);
    }
}
