/** Signatures: sealed {@link io.keyward.crypto.sig.Signer} and {@link io.keyward.crypto.sig.Verifier} over Ed25519, ECDSA (P-256, secp256k1; DER or IEEE P1363) and ML-DSA-65. */
package io.keyward.crypto.sig;
