/** Deterministic authenticated key wrapping: AES-KWP (RFC 5649). */
package io.keyward.crypto.keywrap;
