package io.keyward.crypto.opaque;

import io.keyward.crypto.util.Bytes;

/** RFC 9807 RegistrationResponse: {@code evaluated_message[Noe] || server_public_key[Npk]}. */
public record RegistrationResponse(OpaqueSuite suite, byte[] evaluatedMessage, byte[] serverPublicKey) {
    public RegistrationResponse {
        evaluatedMessage = Wire.field("registration response evaluated_message", evaluatedMessage, suite.elementLength());
        serverPublicKey = Wire.field("registration response server_public_key", serverPublicKey, suite.elementLength());
    }

    @Override
    public byte[] evaluatedMessage() {
        return evaluatedMessage.clone();
    }

    @Override
    public byte[] serverPublicKey() {
        return serverPublicKey.clone();
    }

    public byte[] serialize() {
        return Bytes.concat(evaluatedMessage, serverPublicKey);
    }

    public static RegistrationResponse deserialize(OpaqueSuite suite, byte[] bytes) {
        byte[][] f = Wire.split("registration response", bytes, suite.elementLength(), suite.elementLength());
        Wire.checkElement(suite, "registration response evaluated_message", f[0]);
        Wire.checkElement(suite, "registration response server_public_key", f[1]);
        return new RegistrationResponse(suite, f[0], f[1]);
    }

    /** Equal when they serialize to the same bytes (compared in constant time). */
    @Override
    public boolean equals(Object o) {
        return o instanceof RegistrationResponse other && suite == other.suite && Wire.sameBytes(serialize(), other.serialize());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(serialize());
    }
}
