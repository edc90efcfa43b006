package io.keyward.crypto.sig;

/**
 * Signs messages under one private key. Implementations hold the key, are thread-safe, and never
 * show key material in {@code toString()}.
 */
public sealed interface Signer permits Ed25519Signer, EcdsaSigner, MlDsa65Signer {
    /** The algorithm name, e.g. {@code Ed25519} or {@code ECDSA-P256-SHA256-DER}. */
    String algorithm();

    byte[] sign(byte[] message);

    /** The verifier for this signer's public key. */
    Verifier verifier();
}
