package io.keyward.crypto.envelope;

/** The bytes are not a well-formed envelope: unknown format version, truncated, trailing bytes, bad field. */
public final class MalformedEnvelopeException extends EnvelopeException {
    MalformedEnvelopeException(String what) {
        super("malformed envelope: " + what);
    }
}
