package io.keyward.crypto.sequester;

import io.keyward.crypto.CryptoException;

/** A sequester certificate is malformed, not canonical, of the wrong kind or has invalid fields. */
public final class SequesterCertificateException extends CryptoException {
    public SequesterCertificateException(String message) {
        super(message);
    }
}
