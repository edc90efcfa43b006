package io.keyward.crypto.sig;

/**
 * Verifies signatures under one public key. {@link #verify} returns normally only for a valid
 * signature; anything else, including a malformed one, is an {@link InvalidSignatureException}.
 */
public sealed interface Verifier permits Ed25519Verifier, EcdsaVerifier, MlDsa65Verifier {
    String algorithm();

    void verify(byte[] signature, byte[] message);
}
