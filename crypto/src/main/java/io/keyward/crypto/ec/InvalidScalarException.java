package io.keyward.crypto.ec;

import io.keyward.crypto.CryptoException;

/** Bytes that should hold a scalar do not (wrong length or not reduced), or a scalar has no inverse. */
public final class InvalidScalarException extends CryptoException {
    public InvalidScalarException(String message) {
        super(message);
    }
}
