package io.keyward.crypto.pem;

/**
 * The encrypted private key did not decrypt with the passphrase given. With CBC encryption, a
 * wrong passphrase and a corrupted file look alike; the wrong passphrase is by far the likelier.
 */
public final class WrongPassphraseException extends PemException {
    public WrongPassphraseException() {
        super("wrong passphrase for private key");
    }
}
