/** Shamir secret sharing over GF(2^8) in HashiCorp Vault's share format ({@link io.keyward.crypto.shamir.Shamir}). */
package io.keyward.crypto.shamir;
