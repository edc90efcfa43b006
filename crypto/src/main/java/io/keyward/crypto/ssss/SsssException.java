package io.keyward.crypto.ssss;

import io.keyward.crypto.CryptoException;

/**
 * Matrix secret-storage input was malformed: a bad base64 field, a wrong length, unsupported
 * passphrase parameters. A MAC that does not verify is an
 * {@link io.keyward.crypto.aead.AuthenticationFailedException} instead.
 */
public class SsssException extends CryptoException {
    public SsssException(String message) {
        super(message);
    }
}
