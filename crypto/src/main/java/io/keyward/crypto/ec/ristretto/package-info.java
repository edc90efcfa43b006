/**
 * The ristretto255 prime-order group of RFC 9496, built on BouncyCastle's vetted Curve25519 field
 * arithmetic ({@link org.bouncycastle.math.ec.rfc7748.X25519Field}).
 *
 * <p>{@link io.keyward.crypto.ec.ristretto.RistrettoPoint} is a group element,
 * {@link io.keyward.crypto.ec.ristretto.Scalar25519} an integer modulo the group order. Decoding,
 * encoding, the one-way map and scalar multiplication run without branches or memory accesses that
 * depend on secret values (as far as the JVM lets Java code promise that).
 */
package io.keyward.crypto.ec.ristretto;
