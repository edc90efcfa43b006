package io.keyward.crypto.opaque;

import io.keyward.crypto.util.Bytes;

/**
 * RFC 9807 KE1: CredentialRequest {@code blinded_message[Noe]} followed by AuthRequest
 * {@code client_nonce[Nn] || client_public_keyshare[Npk]}.
 */
public record KE1(OpaqueSuite suite, byte[] blindedMessage, byte[] clientNonce, byte[] clientPublicKeyshare) {
    public KE1 {
        blindedMessage = Wire.field("KE1 blinded_message", blindedMessage, suite.elementLength());
        clientNonce = Wire.field("KE1 client_nonce", clientNonce, OpaqueSuite.NONCE_LENGTH);
        clientPublicKeyshare = Wire.field("KE1 client_public_keyshare", clientPublicKeyshare, suite.elementLength());
    }

    @Override
    public byte[] blindedMessage() {
        return blindedMessage.clone();
    }

    @Override
    public byte[] clientNonce() {
        return clientNonce.clone();
    }

    @Override
    public byte[] clientPublicKeyshare() {
        return clientPublicKeyshare.clone();
    }

    public byte[] serialize() {
        return Bytes.concat(blindedMessage, clientNonce, clientPublicKeyshare);
    }

    public static KE1 deserialize(OpaqueSuite suite, byte[] bytes) {
        byte[][] f = Wire.split("KE1", bytes, suite.elementLength(), OpaqueSuite.NONCE_LENGTH, suite.elementLength());
        Wire.checkElement(suite, "KE1 blinded_message", f[0]);
        Wire.checkElement(suite, "KE1 client_public_keyshare", f[2]);
        return new KE1(suite, f[0], f[1], f[2]);
    }

    /** Equal when they serialize to the same bytes (compared in constant time). */
    @Override
    public boolean equals(Object o) {
        return o instanceof KE1 other && suite == other.suite && Wire.sameBytes(serialize(), other.serialize());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(serialize());
    }
}
