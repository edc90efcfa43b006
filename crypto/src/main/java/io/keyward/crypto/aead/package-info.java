/** Authenticated encryption with associated data: one {@link io.keyward.crypto.aead.Aead} interface, AES-GCM, ChaCha20-Poly1305, XChaCha20-Poly1305. */
package io.keyward.crypto.aead;
