/**
 * Working keys: the keys a keystore holds and uses on its users' behalf.
 *
 * <p>{@link io.keyward.crypto.keys.KeyType} is the closed set of types with their permitted
 * {@link io.keyward.crypto.keys.KeyOperation}s. {@link io.keyward.crypto.keys.WorkingKey} holds the
 * secret or private material and performs sign/verify, encrypt/decrypt with associated data,
 * MAC/verify, HPKE wrap/unwrap of content keys (anonymous or sender-authenticated), data-key
 * generation and ML-KEM decapsulation; {@link io.keyward.crypto.keys.PublicWorkingKey} is its public
 * part with the public operations and the raw and SPKI exports. Keys are imported from raw bytes
 * (symmetric), PKCS#8 DER or PEM, or JWK ({@link io.keyward.crypto.keys.jwk}), and are stored in the
 * versioned serialization of {@link io.keyward.crypto.keys.KeySerialization} under an envelope.
 * Outputs are labeled with their key version as {@link io.keyward.crypto.keys.VersionedValue}s.
 *
 * <p>Every refusal is a typed {@link io.keyward.crypto.CryptoException}:
 * {@link io.keyward.crypto.keys.UnsupportedOperationForKeyException} (wrong type for the operation),
 * {@link io.keyward.crypto.aead.AuthenticationFailedException} and
 * {@link io.keyward.crypto.sig.InvalidSignatureException} (tampering),
 * {@link io.keyward.crypto.keys.KeyTypeMismatchException} (import of another type or size),
 * {@link io.keyward.crypto.keys.KeyImportException} and its subclass
 * {@link io.keyward.crypto.keys.jwk.MalformedJwkException} (bad material),
 * {@link io.keyward.crypto.keys.KeyMismatchException} (keys that do not work together) and
 * {@link io.keyward.crypto.keys.MalformedKeyDataException} (Keyward's own formats). Byte layouts:
 * docs/formats.md.
 */
package io.keyward.crypto.keys;
