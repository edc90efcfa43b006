package io.keyward.crypto.oprf;

import io.keyward.crypto.CryptoException;

/** An OPRF operation failed as RFC 9497 describes: InvalidInputError or DeriveKeyPairError. */
public final class OprfException extends CryptoException {
    public OprfException(String message) {
        super(message);
    }
}
