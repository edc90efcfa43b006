package io.keyward.crypto.envelope;

/**
 * The envelope names a different wrapping key (id or version) than the one the caller offered.
 * Key ids and versions are not secret, so the message names both.
 */
public final class EnvelopeKeyMismatchException extends EnvelopeException {
    private final KeyRef found;

    EnvelopeKeyMismatchException(KeyRef found, KeyRef expected) {
        super("envelope is wrapped by key " + found + ", not by key " + expected);
        this.found = found;
    }

    /** The key the envelope says it is wrapped by. */
    public KeyRef found() {
        return found;
    }
}
