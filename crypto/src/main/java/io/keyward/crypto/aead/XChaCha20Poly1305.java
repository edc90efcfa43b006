package io.keyward.crypto.aead;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.InvalidKeyException;
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
public final class XChaCha20Poly1305 implements Aead {
    public static final XChaCha20Poly1305 INSTANCE = new XChaCha20Poly1305();

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 24;
    private static final int TAG_BYTES = 16;

    private XChaCha20Poly1305() {}

    @Override
    public String name() {
        return "XChaCha20-Poly1305";
    }

    @Override
    public int keyLength() {
        return KEY_BYTES;
    }

    @Override
    public int nonceLength() {
        return NONCE_BYTES;
    }

    @Override
    public int tagLength() {
        return TAG_BYTES;
    }

    @Override
    public byte[] seal(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
        return run(true, key, nonce, plaintext, associatedData);
    }

    @Override
    public byte[] open(byte[] key, byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData) {
        if (ciphertextAndTag.length < TAG_BYTES) {
            throw new AuthenticationFailedException(name() + " ciphertext");
        }
        return run(false, key, nonce, ciphertextAndTag, associatedData);
    }

    private byte[] run(boolean encrypt, byte[] key, byte[] nonce, byte[] input, byte[] associatedData) {
        if (key.length != KEY_BYTES) {
            throw new InvalidKeyException(name() + " key must be " + KEY_BYTES + " bytes");
        }
        if (nonce.length != NONCE_BYTES) {
            throw new CryptoException(name() + " nonce must be " + NONCE_BYTES + " bytes");
        }
        var cipher = new org.bouncycastle.crypto.modes.XChaCha20Poly1305();
        byte[] output = null;
        try {
            cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BYTES * 8, nonce,
                    associatedData == null ? new byte[0] : associatedData));
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
