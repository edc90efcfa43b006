package io.keyward.crypto.opaque;

/** RFC 9807 RegistrationRequest: {@code blinded_message[Noe]}. */
public record RegistrationRequest(OpaqueSuite suite, byte[] blindedMessage) {
    public RegistrationRequest {
        blindedMessage = Wire.field("registration request", blindedMessage, suite.elementLength());
    }

    @Override
    public byte[] blindedMessage() {
        return blindedMessage.clone();
    }

    public byte[] serialize() {
        return blindedMessage.clone();
    }

    /** Parses and checks the blinded element; throws {@link InvalidMessageException} otherwise. */
    public static RegistrationRequest deserialize(OpaqueSuite suite, byte[] bytes) {
        byte[][] f = Wire.split("registration request", bytes, suite.elementLength());
        Wire.checkElement(suite, "registration request blinded_message", f[0]);
        return new RegistrationRequest(suite, f[0]);
    }

    /** Equal when they serialize to the same bytes (compared in constant time). */
    @Override
    public boolean equals(Object o) {
        return o instanceof RegistrationRequest other && suite == other.suite && Wire.sameBytes(serialize(), other.serialize());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(serialize());
    }
}
