package io.keyward.crypto.rsa;

import io.keyward.crypto.CryptoException;

/** A well-formed key of the wrong kind for the job: not RSA, or too short. */
public final class UnsuitableKeyException extends CryptoException {
    public UnsuitableKeyException(String message) {
        super(message);
    }
}
