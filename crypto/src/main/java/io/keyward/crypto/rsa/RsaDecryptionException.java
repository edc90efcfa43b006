package io.keyward.crypto.rsa;

import io.keyward.crypto.CryptoException;

/**
 * RSA-OAEP decryption failed. One message for every cause (wrong key, bad padding, bad length,
 * label mismatch) so the failure cannot serve as a padding oracle (Manger's attack).
 */
public final class RsaDecryptionException extends CryptoException {
    public RsaDecryptionException() {
        super("RSA-OAEP decryption failed: wrong key or corrupted ciphertext");
    }
}
