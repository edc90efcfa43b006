package io.keyward.crypto.opaque;

import io.keyward.crypto.util.Bytes;

/**
 * RFC 9807 RegistrationRecord, what the server stores per user:
 * {@code client_public_key[Npk] || masking_key[Nh] || envelope[Nn + Nm]}. The masking key is
 * secret to the server; it never appears in {@link #toString()}.
 */
public record RegistrationRecord(OpaqueSuite suite, byte[] clientPublicKey, byte[] maskingKey, byte[] envelope) {
    public RegistrationRecord {
        clientPublicKey = Wire.field("registration record client_public_key", clientPublicKey, suite.elementLength());
        maskingKey = Wire.field("registration record masking_key", maskingKey, suite.hashLength());
        envelope = Wire.field("registration record envelope", envelope, suite.envelopeLength());
    }

    @Override
    public byte[] clientPublicKey() {
        return clientPublicKey.clone();
    }

    @Override
    public byte[] maskingKey() {
        return maskingKey.clone();
    }

    @Override
    public byte[] envelope() {
        return envelope.clone();
    }

    public byte[] serialize() {
        return Bytes.concat(clientPublicKey, maskingKey, envelope);
    }

    /** Parses a record, checking the client public key is a valid group element. */
    public static RegistrationRecord deserialize(OpaqueSuite suite, byte[] bytes) {
        byte[][] f = Wire.split("registration record", bytes, suite.elementLength(), suite.hashLength(), suite.envelopeLength());
        Wire.checkElement(suite, "registration record client_public_key", f[0]);
        return new RegistrationRecord(suite, f[0], f[1], f[2]);
    }

    @Override
    public String toString() {
        return "RegistrationRecord[suite=" + suite.id() + ", maskingKey=<redacted>]";
    }

    /** Equal when they serialize to the same bytes (compared in constant time). */
    @Override
    public boolean equals(Object o) {
        return o instanceof RegistrationRecord other && suite == other.suite && Wire.sameBytes(serialize(), other.serialize());
    }

    @Override
    public int hashCode() {
        // Only the suite: a hash of secret bytes would leak a little of them into hash tables.
        return suite.hashCode();
    }
}
