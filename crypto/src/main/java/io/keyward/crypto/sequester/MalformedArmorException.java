package io.keyward.crypto.sequester;

/** The armored bytes are not shaped as the armor requires: no prefix, or shorter than the key size. */
public final class MalformedArmorException extends SequesterArmorException {
    public MalformedArmorException(String message) {
        super(message);
    }
}
