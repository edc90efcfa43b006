package io.keyward.crypto.aead;

import io.keyward.crypto.CryptoException;

/** A tag or MAC did not verify. Deliberately says nothing about why. */
public final class AuthenticationFailedException extends CryptoException {
    public AuthenticationFailedException(String what) {
        super(what + " failed to authenticate");
    }
}
