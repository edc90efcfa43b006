package io.keyward.crypto.opaque;

import io.keyward.crypto.ec.Group;

/** What the client keeps between the registration request and the server's response. In memory only. */
public record ClientRegistrationState(OpaqueSuite suite, byte[] password, Group.Scalar blind) {
    public ClientRegistrationState {
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
        return "ClientRegistrationState[<redacted>]";
    }
}
