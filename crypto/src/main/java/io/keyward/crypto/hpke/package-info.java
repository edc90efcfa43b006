/**
 * Hybrid Public Key Encryption (RFC 9180), single-shot, in the base and auth modes, with
 * DHKEM(X25519, HKDF-SHA256) and DHKEM(P-256, HKDF-SHA256), HKDF-SHA256 and an AEAD (AES-128-GCM,
 * AES-256-GCM, ChaCha20-Poly1305). JDK 25 has no HPKE cipher (it arrives in a later JDK), so the
 * construction is assembled here from the module's X25519, ECDH-P256, HKDF-SHA256 and AEAD
 * wrappers and checked against the RFC 9180 appendix A vectors.
 */
package io.keyward.crypto.hpke;
