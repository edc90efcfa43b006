package io.keyward.crypto.opaque;

import io.keyward.crypto.CryptoException;

/**
 * An OPAQUE step refused its input or failed to authenticate. The subclasses are the RFC 9807
 * errors a caller needs to tell apart; messages never carry secrets.
 */
public abstract sealed class OpaqueException extends CryptoException
        permits InvalidMessageException, EnvelopeRecoveryException, ServerAuthenticationException,
                ClientAuthenticationException {
    OpaqueException(String message) {
        super(message);
    }

    OpaqueException(String message, Throwable cause) {
        super(message, cause);
    }
}
