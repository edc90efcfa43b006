package io.keyward.server.lock;

/** A wrapped value that is not in the provider's format at all (truncated, unknown version), before any key is tried. */
public class MalformedWrappedValueException extends RootLockException {
    public MalformedWrappedValueException(String message) {
        super(message);
    }
}
