package io.keyward.server.keystore;

import io.keyward.crypto.keys.KeyOperation;
import io.keyward.protocol.ErrorCodes;
import io.keyward.server.http.ApiException;

/**
 * What a request does to a key, named as on the wire ({@code .../keys/{key}/{operation}}); also the names a
 * delegation grant lists. {@code read} covers get, list and the JWKS; batch forms need their single form.
 */
enum KeyAction {
    READ("read", null, false),
    SIGN("sign", KeyOperation.SIGN, false),
    VERIFY("verify", KeyOperation.VERIFY, false),
    ENCRYPT("encrypt", KeyOperation.ENCRYPT, false),
    DECRYPT("decrypt", KeyOperation.DECRYPT, false),
    MAC("mac", KeyOperation.MAC, false),
    VERIFY_MAC("verify-mac", KeyOperation.VERIFY_MAC, false),
    WRAP("wrap", KeyOperation.WRAP, false),
    UNWRAP("unwrap", KeyOperation.UNWRAP, false),
    GENERATE_DATA_KEY("generate-data-key", KeyOperation.GENERATE_DATA_KEY, false),
    ENCAPSULATE("encapsulate", KeyOperation.ENCAPSULATE, false),
    DECAPSULATE("decapsulate", KeyOperation.DECAPSULATE, false),
    EXPORT("export", null, false),
    BATCH_ENCRYPT("batch-encrypt", KeyOperation.ENCRYPT, false),
    BATCH_DECRYPT("batch-decrypt", KeyOperation.DECRYPT, false),
    BATCH_SIGN("batch-sign", KeyOperation.SIGN, false),
    ROTATE("rotate", null, true),
    ENABLE("enable", null, true),
    DISABLE("disable", null, true),
    MIN_DECRYPTION_VERSION("min-decryption-version", null, true);

    private final String wireName;
    private final KeyOperation operation;
    private final boolean management;

    KeyAction(String wireName, KeyOperation operation, boolean management) {
        this.wireName = wireName;
        this.operation = operation;
        this.management = management;
    }

    String wireName() {
        return wireName;
    }

    /** The primitive operation the key's type must permit, or null. */
    KeyOperation operation() {
        return operation;
    }

    /** Changes the key's state rather than using it. */
    boolean management() {
        return management;
    }

    /** The action a grant must name for this one (batch forms need the single form). */
    KeyAction granted() {
        return switch (this) {
            case BATCH_ENCRYPT -> ENCRYPT;
            case BATCH_DECRYPT -> DECRYPT;
            case BATCH_SIGN -> SIGN;
            default -> this;
        };
    }

    static KeyAction fromWire(String name) {
        for (KeyAction action : values()) {
            if (action.wireName.equals(name)) {
                return action;
            }
        }
        throw new ApiException(404, ErrorCodes.OPERATION_UNKNOWN, "no key operation named '" + shorten(name) + "'");
    }

    private static String shorten(String name) {
        String safe = name == null ? "" : name.replaceAll("[^A-Za-z0-9_-]", "?");
        return safe.length() > 40 ? safe.substring(0, 40) + "..." : safe;
    }
}
