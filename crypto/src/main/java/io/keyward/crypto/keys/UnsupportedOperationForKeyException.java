package io.keyward.crypto.keys;

import io.keyward.crypto.CryptoException;

/** The key's type does not permit the operation (e.g. encrypt with an Ed25519 key). */
public final class UnsupportedOperationForKeyException extends CryptoException {
    private final KeyType type;
    private final KeyOperation operation;

    public UnsupportedOperationForKeyException(KeyType type, KeyOperation operation) {
        super(type.id() + " keys do not support " + operation.wireName());
        this.type = type;
        this.operation = operation;
    }

    /** For operations outside {@link KeyOperation} (an export format, a mode). */
    public UnsupportedOperationForKeyException(KeyType type, String what) {
        super(type.id() + " keys do not support " + what);
        this.type = type;
        this.operation = null;
    }

    public KeyType keyType() {
        return type;
    }

    /** The refused operation, or null for an export format or mode. */
    public KeyOperation operation() {
        return operation;
    }
}
