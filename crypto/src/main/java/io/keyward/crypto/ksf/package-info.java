/**
 * The key-stretching functions OPAQUE clients may use (RFC 9807 section 2.3): Argon2id (the
 * default), scrypt, and the identity function for test vectors.
 */
package io.keyward.crypto.ksf;
