package io.keyward.crypto.oprf;

import io.keyward.crypto.ec.Group;

/** An OPRF (or OPAQUE AKE) key pair: {@code publicKey = privateKey * G}. */
public record OprfKeyPair(Group.Scalar privateKey, Group.Element publicKey) {
    @Override
    public String toString() {
        return "OprfKeyPair[privateKey=<redacted>]";
    }
}
