/**
 * The oblivious pseudorandom function of RFC 9497 in base mode, for the suites
 * ristretto255-SHA512 and P256-SHA256: {@link io.keyward.crypto.oprf.Oprf}. OPAQUE is its user.
 */
package io.keyward.crypto.oprf;
