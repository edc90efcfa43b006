package io.keyward.crypto.oprf;

import io.keyward.crypto.ec.Group;

/**
 * The client's output of Blind: the secret {@code blind}, kept until Finalize, and the
 * {@code blindedElement} sent to the server.
 */
public record BlindedInput(Group.Scalar blind, Group.Element blindedElement) {
    @Override
    public String toString() {
        return "BlindedInput[blind=<redacted>]";
    }
}
