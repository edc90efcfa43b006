package io.keyward.crypto.opaque;

import io.keyward.crypto.ec.Group;

/** What the client keeps between KE1 and KE2 (RFC 9807 ClientState). In memory only. */
public record ClientLoginState(OpaqueSuite suite, byte[] password, Group.Scalar blind, Group.Scalar clientSecret, KE1 ke1) {
    public ClientLoginState {
        password = password.clone();
    }

    @Override
    public byte[] password() {
        return password.clone();
    }

    /** Overwrites this state's copy of the password once the exchange is over (or abandoned). */
    public void destroy() {
        io.keyward.crypto.util.Bytes.zeroize(password);
    }

    @Override
    public String toString() {
        return "ClientLoginState[<redacted>]";
    }
}
