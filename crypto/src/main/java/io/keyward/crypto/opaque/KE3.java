package io.keyward.crypto.opaque;

/** RFC 9807 KE3: {@code client_mac[Nm]}. */
public record KE3(OpaqueSuite suite, byte[] clientMac) {
    public KE3 {
        clientMac = Wire.field("KE3 client_mac", clientMac, suite.hashLength());
    }

    @Override
    public byte[] clientMac() {
        return clientMac.clone();
    }

    public byte[] serialize() {
        return clientMac.clone();
    }

    public static KE3 deserialize(OpaqueSuite suite, byte[] bytes) {
        return new KE3(suite, Wire.split("KE3", bytes, suite.hashLength())[0]);
    }

    /** Equal when they serialize to the same bytes (compared in constant time). */
    @Override
    public boolean equals(Object o) {
        return o instanceof KE3 other && suite == other.suite && Wire.sameBytes(serialize(), other.serialize());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(serialize());
    }
}
