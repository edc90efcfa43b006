package io.keyward.server.audit;

import io.keyward.crypto.util.Base64Url;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The hash chain and checkpoint formats (docs/formats.md, "Audit log"). Pure functions, no I/O: the
 * server appends with them and {@code keyward offline audit verify} checks with them.
 *
 * <pre>
 * entry_hash = SHA-256("keyward/v1/audit/entry" || 0x00 || previous_hash || encode(entry))
 * encode     = u64(seq) || text(time) || text(org) || text(actor_type) || opt(actor_id) || opt(device)
 *              || text(action) || opt(target) || text(outcome) || opt(code) || opt(request_id) || opt(client)
 * text(s)    = u32(length of UTF-8 bytes) || UTF-8 bytes
 * opt(s)     = 0x00 when absent, 0x01 || text(s) when present
 * </pre>
 *
 * The first entry's previous hash is {@link #GENESIS} (32 zero bytes). Length prefixes make the
 * encoding injective: no two different entries encode alike, whatever their text holds.
 */
public final class AuditChain {
    public static final int HASH_LENGTH = 32;
    private static final byte[] ENTRY_LABEL = "keyward/v1/audit/entry\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHECKPOINT_LABEL = "keyward/v1/audit/checkpoint\0".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private AuditChain() {}

    /** The previous hash of every chain's first entry. */
    public static byte[] genesis() {
        return new byte[HASH_LENGTH];
    }

    /** RFC 3339 UTC with exactly six fractional digits: fixed width, so text order is time order. */
    public static String formatTime(Instant instant) {
        return TIME.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    /** The hash of {@code entry} (its own {@code hash} field is ignored) following {@code previousHash}. */
    public static byte[] hash(byte[] previousHash, AuditEntry entry) {
        requireHash(previousHash);
        MessageDigest sha256 = sha256();
        sha256.update(ENTRY_LABEL);
        sha256.update(previousHash);
        sha256.update(encode(entry));
        return sha256.digest();
    }

    /** {@link #hash} as unpadded base64url, the form entries carry. */
    public static String hashText(byte[] previousHash, AuditEntry entry) {
        return Base64Url.encode(hash(previousHash, entry));
    }

    /** The canonical encoding of an entry's fields (everything but {@code hash}). */
    public static byte[] encode(AuditEntry entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(ByteBuffer.allocate(8).putLong(entry.seq()).array());
        text(out, entry.time());
        text(out, entry.org());
        text(out, entry.actorType());
        optional(out, entry.actorId());
        optional(out, entry.device());
        text(out, entry.action());
        optional(out, entry.target());
        text(out, entry.outcome());
        optional(out, entry.code());
        optional(out, entry.requestId());
        optional(out, entry.client());
        return out.toByteArray();
    }

    /**
     * What a checkpoint signs: {@code "keyward/v1/audit/checkpoint" || 0x00 || text(org) || u64(seq)
     * || head_hash || text(time)}.
     */
    public static byte[] checkpointMessage(String org, long seq, byte[] headHash, String time) {
        requireHash(headHash);
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.writeBytes(CHECKPOINT_LABEL);
        text(out, org);
        out.writeBytes(ByteBuffer.allocate(8).putLong(seq).array());
        out.writeBytes(headHash);
        text(out, time);
        return out.toByteArray();
    }

    private static void text(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static void optional(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.write(0);
        } else {
            out.write(1);
            text(out, value);
        }
    }

    private static void requireHash(byte[] hash) {
        if (hash == null || hash.length != HASH_LENGTH) {
            throw new IllegalArgumentException("an audit hash is " + HASH_LENGTH + " bytes");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
