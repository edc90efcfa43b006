/**
 * The AES-256-GCM envelope every wrapped key uses: version, wrapping key id and version, nonce,
 * ciphertext and tag, bound to caller-given associated data. See {@link io.keyward.crypto.envelope.Envelope}.
 */
package io.keyward.crypto.envelope;
