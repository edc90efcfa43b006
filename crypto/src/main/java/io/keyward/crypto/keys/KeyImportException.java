package io.keyward.crypto.keys;

import io.keyward.crypto.CryptoException;

/** Key material that cannot be imported: malformed, inconsistent, or of an unsupported form. */
public class KeyImportException extends CryptoException {
    public KeyImportException(String message) {
        super(message);
    }
}
