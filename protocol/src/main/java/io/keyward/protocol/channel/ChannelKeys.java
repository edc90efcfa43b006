package io.keyward.protocol.channel;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.kdf.HkdfSha256;
import io.keyward.crypto.util.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The two sealed-channel keys of a session:
 * {@code K = HKDF-SHA256(salt = empty, ikm = session_key, info = "keyward/v1/channel", L = 64)},
 * {@code c2s = K[0..32]}, {@code s2c = K[32..64]}. Closing zeroizes them.
 */
public final class ChannelKeys implements AutoCloseable {
    private static final byte[] INFO = "keyward/v1/channel".getBytes(StandardCharsets.US_ASCII);

    private final byte[] clientToServer;
    private final byte[] serverToClient;

    private ChannelKeys(byte[] clientToServer, byte[] serverToClient) {
        this.clientToServer = clientToServer;
        this.serverToClient = serverToClient;
    }

    public static ChannelKeys derive(byte[] sessionKey) {
        if (sessionKey == null || sessionKey.length < 32) {
            throw new CryptoException("session key must be at least 32 bytes");
        }
        byte[] k = HkdfSha256.derive(new byte[0], sessionKey, INFO, 64);
        try {
            return new ChannelKeys(Arrays.copyOfRange(k, 0, 32), Arrays.copyOfRange(k, 32, 64));
        } finally {
            Bytes.zeroize(k);
        }
    }

    /** Rebuilds keys stored by the server (the 64 bytes {@code c2s || s2c}). */
    public static ChannelKeys fromBytes(byte[] both) {
        if (both == null || both.length != 64) {
            throw new CryptoException("channel keys must be 64 bytes");
        }
        return new ChannelKeys(Arrays.copyOfRange(both, 0, 32), Arrays.copyOfRange(both, 32, 64));
    }

    /** {@code c2s || s2c}, for the server to store wrapped under its root lock. The caller zeroizes it. */
    public byte[] toBytes() {
        return Bytes.concat(clientToServer, serverToClient);
    }

    byte[] clientToServer() {
        return clientToServer;
    }

    byte[] serverToClient() {
        return serverToClient;
    }

    @Override
    public void close() {
        Bytes.zeroize(clientToServer, serverToClient);
    }

    @Override
    public String toString() {
        return "ChannelKeys[redacted]";
    }
}
