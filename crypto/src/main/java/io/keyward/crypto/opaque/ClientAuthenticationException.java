package io.keyward.crypto.opaque;

/** The client's MAC in KE3 did not verify (ClientAuthenticationError): wrong password, unknown user, or tampering. */
public final class ClientAuthenticationException extends OpaqueException {
    public ClientAuthenticationException() {
        super("OPAQUE client MAC failed to authenticate");
    }
}
