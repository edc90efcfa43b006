package io.keyward.protocol.channel;

import io.keyward.crypto.aead.AesGcm;
import io.keyward.crypto.util.Bytes;
import java.nio.charset.StandardCharsets;

/**
 * The sealed channel of DESIGN.md ("The sealed channel"): every request after login is
 * {@code AES-256-GCM(c2s, nonce = 00000000 || be64(n), aad = "<METHOD> <path?query>\n<session_id>\n<n>", json)},
 * every response {@code AES-256-GCM(s2c, nonce, aad = "<status>\n<session_id>\n<n>", json)}.
 *
 * <p>The AAD binds a body to its method, path, session and sequence number, so a sealed body moved
 * to another route, session or seq fails to open; replay of the same seq is refused by the server's
 * replay window, not here. Each direction has its own key, so a response can never be reflected as a
 * request under the same nonce.
 */
public final class SealedChannel {
    public static final String SESSION_HEADER = "Keyward-Session";
    public static final String SEQ_HEADER = "Keyward-Seq";
    public static final String CONTENT_TYPE = "application/keyward-sealed";
    /** How far below the highest seq seen a request may still arrive (once). */
    public static final int REPLAY_WINDOW = 1024;

    private static final AesGcm AEAD = AesGcm.AES_256;

    private SealedChannel() {}

    public static byte[] sealRequest(ChannelKeys keys, String method, String pathAndQuery, String sessionId,
                                     long seq, byte[] json) {
        return AEAD.seal(keys.clientToServer(), nonce(seq), json, requestAad(method, pathAndQuery, sessionId, seq));
    }

    /** @throws io.keyward.crypto.aead.AuthenticationFailedException when the body was altered or bound to anything else */
    public static byte[] openRequest(ChannelKeys keys, String method, String pathAndQuery, String sessionId,
                                     long seq, byte[] sealed) {
        return AEAD.open(keys.clientToServer(), nonce(seq), sealed, requestAad(method, pathAndQuery, sessionId, seq));
    }

    public static byte[] sealResponse(ChannelKeys keys, int status, String sessionId, long seq, byte[] json) {
        return AEAD.seal(keys.serverToClient(), nonce(seq), json, responseAad(status, sessionId, seq));
    }

    public static byte[] openResponse(ChannelKeys keys, int status, String sessionId, long seq, byte[] sealed) {
        return AEAD.open(keys.serverToClient(), nonce(seq), sealed, responseAad(status, sessionId, seq));
    }

    /**
     * Parses a {@code Keyward-Seq} header: a decimal number from 1, no sign, no leading zeros. The
     * design allows a u64; values above 2^63-1 are refused so every store (PostgreSQL {@code bigint}
     * included) holds them exactly: no session lives for 9.2e18 requests.
     *
     * @throws IllegalArgumentException with a one-line reason
     */
    public static long parseSeq(String header) {
        if (header == null || header.isEmpty()) {
            throw new IllegalArgumentException(SEQ_HEADER + " header is missing");
        }
        if (header.length() > 20 || !header.chars().allMatch(c -> c >= '0' && c <= '9')
                || (header.length() > 1 && header.charAt(0) == '0')) {
            throw new IllegalArgumentException(SEQ_HEADER + " must be a decimal number from 1");
        }
        try {
            long seq = Long.parseLong(header);
            if (seq == 0) {
                throw new IllegalArgumentException(SEQ_HEADER + " starts at 1");
            }
            return seq;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SEQ_HEADER + " is out of range (1 to " + Long.MAX_VALUE + ")");
        }
    }

    /** 00000000 || be64(n): unique per direction and seq, since a seq is never reused within a session. */
    static byte[] nonce(long seq) {
        byte[] nonce = new byte[12];
        System.arraycopy(Bytes.i2osp(seq, 8), 0, nonce, 4, 8);
        return nonce;
    }

    static byte[] requestAad(String method, String pathAndQuery, String sessionId, long seq) {
        return (method + " " + pathAndQuery + "\n" + sessionId + "\n" + seq)
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] responseAad(int status, String sessionId, long seq) {
        return (status + "\n" + sessionId + "\n" + seq).getBytes(StandardCharsets.UTF_8);
    }
}
