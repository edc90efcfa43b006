package io.keyward.crypto.ec.ristretto;

import io.keyward.crypto.CryptoException;

/**
 * Bytes that should encode a ristretto255 element or scalar do not: wrong length, a non-canonical
 * value, or (for elements) no valid point. The message names which check failed, never the bytes.
 */
public final class InvalidEncodingException extends CryptoException {
    public InvalidEncodingException(String message) {
        super(message);
    }
}
