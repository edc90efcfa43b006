package io.keyward.crypto.sig;

import io.keyward.crypto.CryptoException;

/**
 * A signature did not verify, or was not a well-formed signature for the algorithm (wrong length,
 * non-canonical encoding). Callers should treat both the same way.
 */
public final class InvalidSignatureException extends CryptoException {
    public InvalidSignatureException(String message) {
        super(message);
    }
}
