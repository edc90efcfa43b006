package io.keyward.crypto.pem;

import io.keyward.crypto.CryptoException;

/** A PEM file could not be read as the key that was asked for: garbage, another object, bad structure. */
public class PemException extends CryptoException {
    public PemException(String message) {
        super(message);
    }
}
