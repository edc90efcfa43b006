package io.keyward.crypto.envelope;

import io.keyward.crypto.CryptoException;

/**
 * An envelope was refused before any decryption: it is not a well-formed envelope of a version
 * this code reads, or it names a key other than the one offered. A well-formed envelope that fails
 * to authenticate throws {@link io.keyward.crypto.aead.AuthenticationFailedException} instead.
 */
public abstract sealed class EnvelopeException extends CryptoException
        permits MalformedEnvelopeException, EnvelopeKeyMismatchException {
    EnvelopeException(String message) {
        super(message);
    }
}
