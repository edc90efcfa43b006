package io.keyward.crypto.ec;

import io.keyward.crypto.CryptoException;

/** Bytes that should hold a group element do not: wrong length, not on the curve, non-canonical, or the identity. */
public final class InvalidElementException extends CryptoException {
    public InvalidElementException(String message) {
        super(message);
    }
}
