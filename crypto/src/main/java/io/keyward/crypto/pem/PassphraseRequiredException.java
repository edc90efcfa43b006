package io.keyward.crypto.pem;

/** The private key is encrypted and no passphrase was given. */
public final class PassphraseRequiredException extends PemException {
    public PassphraseRequiredException() {
        super("the private key is encrypted: a passphrase is needed");
    }
}
