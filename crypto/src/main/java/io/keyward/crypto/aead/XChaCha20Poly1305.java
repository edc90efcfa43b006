package io.keyward.crypto.aead;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.util.Bytes;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AEAD_XChaCha20_Poly1305 (draft-irtf-cfrg-xchacha-03 section 2.3): HChaCha20 derives a subkey
 * from the key and the first 16 nonce bytes, then ChaCha20-Poly1305 (RFC 8439) runs under that
 * subkey with the nonce {@code 00000000 || nonce[16..24]}. The 24-byte nonce is long enough to be
 * chosen at random for every message.
 *
 * <p>The JDK has no XChaCha; this uses BouncyCastle's {@code XChaCha20Poly1305} mode, whose
 * HChaCha20 is checked against the draft's section 2.2.1 vector in the tests.
 */
public final class XChaCha20Poly1305 extends CheckedAead {
    public static final XChaCha20Poly1305 INSTANCE = new XChaCha20Poly1305();

    private XChaCha20Poly1305() {
        super("XChaCha20-Poly1305", 32, 24);
    }

    @Override
    byte[] crypt(boolean encrypt, byte[] key, byte[] nonce, byte[] input, byte[] associatedData) {
        var cipher = new org.bouncycastle.crypto.modes.XChaCha20Poly1305();
        byte[] output = null;
        try {
            cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BYTES * 8, nonce, associatedData));
            output = new byte[cipher.getOutputSize(input.length)];
            int written = cipher.processBytes(input, 0, input.length, output, 0);
            written += cipher.doFinal(output, written);
            if (written != output.length) {
                throw new CryptoException(name() + " produced an unexpected length");
            }
            return output;
        } catch (InvalidCipherTextException e) {
            // BouncyCastle decrypts as it goes; never let unauthenticated plaintext survive.
            Bytes.zeroize(output);
            throw new AuthenticationFailedException(name() + " ciphertext");
        } catch (IllegalArgumentException | IllegalStateException e) {
            Bytes.zeroize(output);
            throw new CryptoException(name() + " refused its input: " + e.getClass().getSimpleName());
        }
    }
}
