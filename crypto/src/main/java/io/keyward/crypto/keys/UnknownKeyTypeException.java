package io.keyward.crypto.keys;

import io.keyward.crypto.CryptoException;

/** A key type id that is not one of {@link KeyType}'s. */
public final class UnknownKeyTypeException extends CryptoException {
    public UnknownKeyTypeException(String id) {
        super("unknown key type \"" + (id == null ? "" : id.replaceAll("[^A-Za-z0-9_.-]", "?")) + "\"");
    }
}
