package io.keyward.crypto.h2c;

import io.keyward.crypto.CryptoException;

/** A hash-to-curve or expand_message call was given parameters RFC 9380 does not allow. */
public final class HashToCurveException extends CryptoException {
    public HashToCurveException(String message) {
        super(message);
    }
}
