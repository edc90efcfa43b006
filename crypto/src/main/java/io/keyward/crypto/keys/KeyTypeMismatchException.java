package io.keyward.crypto.keys;

/** Well-formed key material of another type (or size) than the one declared for the import. */
public final class KeyTypeMismatchException extends KeyImportException {
    public KeyTypeMismatchException(KeyType declared, String found) {
        super("declared " + declared.id() + " but the key material is " + found);
    }
}
