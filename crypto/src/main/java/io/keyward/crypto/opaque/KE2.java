package io.keyward.crypto.opaque;

import io.keyward.crypto.util.Bytes;

/**
 * RFC 9807 KE2: CredentialResponse {@code evaluated_message[Noe] || masking_nonce[Nn] ||
 * masked_response[Npk + Nn + Nm]} followed by AuthResponse {@code server_nonce[Nn] ||
 * server_public_keyshare[Npk] || server_mac[Nm]}. A KE2 built from a fake record has exactly
 * the same length and layout.
 */
public record KE2(OpaqueSuite suite, byte[] evaluatedMessage, byte[] maskingNonce, byte[] maskedResponse,
        byte[] serverNonce, byte[] serverPublicKeyshare, byte[] serverMac) {
    public KE2 {
        evaluatedMessage = Wire.field("KE2 evaluated_message", evaluatedMessage, suite.elementLength());
        maskingNonce = Wire.field("KE2 masking_nonce", maskingNonce, OpaqueSuite.NONCE_LENGTH);
        maskedResponse = Wire.field("KE2 masked_response", maskedResponse, maskedResponseLength(suite));
        serverNonce = Wire.field("KE2 server_nonce", serverNonce, OpaqueSuite.NONCE_LENGTH);
        serverPublicKeyshare = Wire.field("KE2 server_public_keyshare", serverPublicKeyshare, suite.elementLength());
        serverMac = Wire.field("KE2 server_mac", serverMac, suite.hashLength());
    }

    static int maskedResponseLength(OpaqueSuite suite) {
        return suite.elementLength() + suite.envelopeLength();
    }

    @Override
    public byte[] evaluatedMessage() {
        return evaluatedMessage.clone();
    }

    @Override
    public byte[] maskingNonce() {
        return maskingNonce.clone();
    }

    @Override
    public byte[] maskedResponse() {
        return maskedResponse.clone();
    }

    @Override
    public byte[] serverNonce() {
        return serverNonce.clone();
    }

    @Override
    public byte[] serverPublicKeyshare() {
        return serverPublicKeyshare.clone();
    }

    @Override
    public byte[] serverMac() {
        return serverMac.clone();
    }

    /** The serialized CredentialResponse, as it enters the 3DH preamble. */
    byte[] credentialResponse() {
        return Bytes.concat(evaluatedMessage, maskingNonce, maskedResponse);
    }

    byte[] serverMacUnsafe() {
        return serverMac;
    }

    public byte[] serialize() {
        return Bytes.concat(evaluatedMessage, maskingNonce, maskedResponse, serverNonce, serverPublicKeyshare, serverMac);
    }

    public static KE2 deserialize(OpaqueSuite suite, byte[] bytes) {
        byte[][] f = Wire.split("KE2", bytes, suite.elementLength(), OpaqueSuite.NONCE_LENGTH, maskedResponseLength(suite),
                OpaqueSuite.NONCE_LENGTH, suite.elementLength(), suite.hashLength());
        Wire.checkElement(suite, "KE2 evaluated_message", f[0]);
        Wire.checkElement(suite, "KE2 server_public_keyshare", f[4]);
        return new KE2(suite, f[0], f[1], f[2], f[3], f[4], f[5]);
    }

    /** Equal when they serialize to the same bytes (compared in constant time). */
    @Override
    public boolean equals(Object o) {
        return o instanceof KE2 other && suite == other.suite && Wire.sameBytes(serialize(), other.serialize());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(serialize());
    }
}
