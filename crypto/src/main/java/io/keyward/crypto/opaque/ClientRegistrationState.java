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

    @Override
    public String toString() {
        return "ClientRegistrationState[<redacted>]";
    }
}
