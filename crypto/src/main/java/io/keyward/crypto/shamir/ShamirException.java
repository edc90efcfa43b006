package io.keyward.crypto.shamir;

import io.keyward.crypto.CryptoException;

/** Shamir split parameters or a set of shares were refused; the message says why, never a share value. */
public final class ShamirException extends CryptoException {
    public ShamirException(String message) {
        super(message);
    }
}
