package io.keyward.crypto.keys;

import io.keyward.crypto.CryptoException;

/** A malformed Keyward format: a serialized key, a wrapped key, or a versioned value. */
public final class MalformedKeyDataException extends CryptoException {
    public MalformedKeyDataException(String message) {
        super(message);
    }
}
