/**
 * JSON Web Keys (RFC 7517, RFC 7518 section 6, RFC 8037 for OKP, RFC 8812 for secp256k1,
 * RFC 9964 "AKP" for ML-DSA) and JWK Sets for working keys, with RFC 7638 thumbprints as default
 * key ids. Built only on the public API of {@link io.keyward.crypto.keys}: private members go
 * through PKCS#8, so every JWK import passes the same checks as a PKCS#8 import.
 */
package io.keyward.crypto.keys.jwk;
