package io.keyward.crypto.opaque;

/** The server's MAC in KE2 did not verify (ServerAuthenticationError). */
public final class ServerAuthenticationException extends OpaqueException {
    public ServerAuthenticationException() {
        super("OPAQUE server MAC failed to authenticate");
    }
}
