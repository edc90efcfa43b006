package io.keyward.crypto.hpke;

import io.keyward.crypto.CryptoException;

/** A malformed HPKE input (wrong key or encapsulation length, a point not on the curve). */
public final class HpkeException extends CryptoException {
    public HpkeException(String message) {
        super(message);
    }
}
