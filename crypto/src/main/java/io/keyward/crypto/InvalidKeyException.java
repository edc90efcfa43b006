package io.keyward.crypto;

/**
 * Key material was refused: wrong length, malformed encoding, a point off the curve, a scalar out
 * of range, or a key of the wrong type or curve. The message names the key, never its value.
 */
public final class InvalidKeyException extends CryptoException {
    public InvalidKeyException(String message) {
        super(message);
    }
}
