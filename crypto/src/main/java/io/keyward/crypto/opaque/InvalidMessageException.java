package io.keyward.crypto.opaque;

/** An OPAQUE message or stored value has the wrong length or holds an invalid group element (DeserializeError). */
public final class InvalidMessageException extends OpaqueException {
    public InvalidMessageException(String message) {
        super(message);
    }

    public InvalidMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
