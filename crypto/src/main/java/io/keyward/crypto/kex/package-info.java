/** Key agreement: X25519 (RFC 7748) on raw keys and ECDH on P-256 with validated public keys. */
package io.keyward.crypto.kex;
