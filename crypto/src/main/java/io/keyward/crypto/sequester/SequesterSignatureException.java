package io.keyward.crypto.sequester;

/** A sequester signature did not verify under the given key. */
public final class SequesterSignatureException extends SequesterArmorException {
    public SequesterSignatureException() {
        super("sequester signature does not verify: wrong key or tampered data");
    }
}
