/** Key derivation: HKDF-SHA256 (RFC 5869) and PBKDF2-HMAC-SHA512 (RFC 8018). */
package io.keyward.crypto.kdf;
