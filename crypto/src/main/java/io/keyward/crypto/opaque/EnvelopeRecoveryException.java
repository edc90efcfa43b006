package io.keyward.crypto.opaque;

/**
 * The client could not open its envelope (EnvelopeRecoveryError): the password is wrong, or the
 * server's answer was altered. The two are deliberately indistinguishable.
 */
public final class EnvelopeRecoveryException extends OpaqueException {
    public EnvelopeRecoveryException() {
        super("OPAQUE envelope failed to authenticate (wrong password or altered response)");
    }
}
