package io.keyward.crypto.sequester;

/**
 * Sequester-encrypted data did not open. The RSA-OAEP and the secretbox failures share this one
 * message, so the failure says nothing about which layer refused.
 */
public final class SequesterDecryptionException extends SequesterArmorException {
    public SequesterDecryptionException() {
        super("cannot decrypt sequester data: wrong key or tampered ciphertext");
    }
}
