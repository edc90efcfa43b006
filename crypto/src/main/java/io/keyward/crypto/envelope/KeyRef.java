package io.keyward.crypto.envelope;

import java.nio.charset.StandardCharsets;

/**
 * Names a wrapping key: its id and version. Both are written in clear into every {@link Envelope}
 * so that the reader can pick the right key (and, after a rotation, the right version) before
 * opening it. Neither is secret.
 *
 * @param keyId 1 to 255 characters of printable US-ASCII without space (0x21 to 0x7E), so that an
 *     id read from a hostile envelope is safe to print in an error message
 * @param version 1 or more; a rotation adds a version and old versions keep opening
 */
public record KeyRef(String keyId, int version) {
    public static final int MAX_KEY_ID_LENGTH = 255;

    public KeyRef {
        if (keyId == null || keyId.isEmpty() || keyId.length() > MAX_KEY_ID_LENGTH) {
            throw new IllegalArgumentException("key id must be 1 to " + MAX_KEY_ID_LENGTH + " characters");
        }
        for (int i = 0; i < keyId.length(); i++) {
            if (!isKeyIdChar(keyId.charAt(i))) {
                throw new IllegalArgumentException("key id must be printable ASCII without spaces");
            }
        }
        if (version < 1) {
            throw new IllegalArgumentException("key version must be 1 or more");
        }
    }

    static boolean isKeyIdChar(int c) {
        return c >= 0x21 && c <= 0x7e;
    }

    byte[] keyIdBytes() {
        return keyId.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return keyId + " version " + version;
    }
}
