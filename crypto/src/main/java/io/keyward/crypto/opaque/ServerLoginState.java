package io.keyward.crypto.opaque;

import io.keyward.crypto.util.Bytes;

/**
 * What the server keeps between KE2 and KE3 (RFC 9807 ServerAkeState): the expected client MAC
 * and the session key. It holds the session key, so store it only where session keys may be
 * stored (encrypted at rest), for a short time, and delete it once KE3 is handled.
 *
 * <p>Serialized form (Keyward's own): {@code 0x01 (version) || suite code ||
 * expected_client_mac[Nm] || session_key[Nx]}.
 */
public record ServerLoginState(OpaqueSuite suite, byte[] expectedClientMac, byte[] sessionKey) {
    private static final int VERSION = 1;

    public ServerLoginState {
        expectedClientMac = Wire.field("server login state client MAC", expectedClientMac, suite.hashLength());
        sessionKey = Wire.field("server login state session key", sessionKey, suite.hashLength());
    }

    @Override
    public byte[] expectedClientMac() {
        return expectedClientMac.clone();
    }

    @Override
    public byte[] sessionKey() {
        return sessionKey.clone();
    }

    public byte[] serialize() {
        return Bytes.concat(new byte[] {VERSION, (byte) suite.code()}, expectedClientMac, sessionKey);
    }

    public static ServerLoginState deserialize(byte[] bytes) {
        if (bytes == null || bytes.length < 2) {
            throw new InvalidMessageException("server login state is too short");
        }
        if (bytes[0] != VERSION) {
            throw new InvalidMessageException("server login state has unknown version " + (bytes[0] & 0xff));
        }
        OpaqueSuite suite = OpaqueSuite.fromCode(bytes[1] & 0xff);
        byte[][] f = Wire.split("server login state", Bytes.slice(bytes, 2, bytes.length - 2), suite.hashLength(), suite.hashLength());
        return new ServerLoginState(suite, f[0], f[1]);
    }

    /** Overwrites this state's copies of the MAC and the session key. */
    public void destroy() {
        Bytes.zeroize(expectedClientMac, sessionKey);
    }

    @Override
    public String toString() {
        return "ServerLoginState[suite=" + suite.id() + ", secrets=<redacted>]";
    }

    /** Equal when they serialize to the same bytes (compared in constant time). */
    @Override
    public boolean equals(Object o) {
        return o instanceof ServerLoginState other && suite == other.suite && Wire.sameBytes(serialize(), other.serialize());
    }

    @Override
    public int hashCode() {
        // Only the suite: a hash of secret bytes would leak a little of them into hash tables.
        return suite.hashCode();
    }
}
