package io.keyward.crypto.ssss;

/** A recovery key did not decode: bad character, length, prefix or parity. Never echoes the key. */
public final class InvalidRecoveryKeyException extends SsssException {
    public InvalidRecoveryKeyException(String message) {
        super(message);
    }
}
