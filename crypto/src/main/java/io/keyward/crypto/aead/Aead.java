package io.keyward.crypto.aead;

/**
 * An authenticated cipher with associated data. Stateless: the key travels with each call so the
 * caller decides how long key material lives (and zeroizes it). Open never returns unauthenticated
 * plaintext; a wrong key, nonce, tag or associated data all fail alike with
 * {@link AuthenticationFailedException}.
 */
public interface Aead {
    String name();

    int keyLength();

    int nonceLength();

    int tagLength();

    /** Returns ciphertext followed by the tag. */
    byte[] seal(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData);

    /** Takes ciphertext followed by the tag; returns the plaintext only if the tag verifies. */
    byte[] open(byte[] key, byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData);
}
