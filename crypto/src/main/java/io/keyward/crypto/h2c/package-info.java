/**
 * Hashing to elliptic curves, RFC 9380: {@link io.keyward.crypto.h2c.ExpandMessageXmd}
 * (SHA-256 and SHA-512), {@link io.keyward.crypto.h2c.HashToField}, and the suite
 * P256_XMD:SHA-256_SSWU_RO_ ({@link io.keyward.crypto.h2c.P256HashToCurve}). ristretto255's
 * hash-to-group is the one-way map in {@code io.keyward.crypto.ec.ristretto}.
 */
package io.keyward.crypto.h2c;
