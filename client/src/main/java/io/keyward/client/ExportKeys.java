package io.keyward.client;

import io.keyward.crypto.kdf.HkdfSha256;
import io.keyward.crypto.util.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Keys derived from the OPAQUE {@code export_key} (RFC 9807 section 6.1): the same at every login
 * with one registration, never known to the server. The export key itself never leaves this class:
 * callers get only HKDF-SHA256 outputs under fixed, documented labels (docs/formats.md, "Export-key
 * derivations"), so no two uses can share a key.
 *
 * <pre>
 *   key_bundle_key = HKDF-SHA256(salt = empty, ikm = export_key, info = "keyward/v1/key-bundle", L = 32)
 *   derive(label)  = HKDF-SHA256(salt = empty, ikm = export_key, info = "keyward/v1/app/" || label, L = 32)
 * </pre>
 *
 * Closing zeroizes the export key; a closed instance refuses to derive.
 */
public final class ExportKeys implements AutoCloseable {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final byte[] KEY_BUNDLE_INFO = "keyward/v1/key-bundle".getBytes(StandardCharsets.US_ASCII);

    private final byte[] exportKey;
    private volatile boolean closed;

    /** Takes a copy of {@code exportKey}; the caller zeroizes its own. */
    ExportKeys(byte[] exportKey) {
        this.exportKey = exportKey.clone();
    }

    /** The 32-byte key that wraps the account's key bundle (AES-256-GCM or similar, chosen by the caller). */
    public byte[] keyBundleKey() {
        return derive(KEY_BUNDLE_INFO);
    }

    /**
     * A 32-byte key for an application purpose, independent of every other label's key.
     *
     * @param label 1-64 characters from {@code [a-z0-9._-]}, starting with a letter or digit
     */
    public byte[] derive(String label) {
        if (label == null || !LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException("an export-key label is 1-64 characters from [a-z0-9._-]");
        }
        return derive(("keyward/v1/app/" + label).getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] derive(byte[] info) {
        if (closed) {
            throw new IllegalStateException("these export keys are closed");
        }
        return HkdfSha256.derive(new byte[0], exportKey, info, 32);
    }

    /** A copy that the holder may close independently. */
    ExportKeys copy() {
        return new ExportKeys(exportKey);
    }

    @Override
    public void close() {
        closed = true;
        Bytes.zeroize(exportKey);
    }

    @Override
    public String toString() {
        return "ExportKeys[redacted]";
    }
}
