package io.keyward.crypto.aead;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.InvalidKeyException;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * ChaCha20-Poly1305 (RFC 8439) through the JDK provider: 32-byte key, 12-byte nonce, 16-byte tag.
 * A nonce must never repeat under one key; with random nonces prefer {@link XChaCha20Poly1305}.
 */
public final class ChaCha20Poly1305 implements Aead {
    public static final ChaCha20Poly1305 INSTANCE = new ChaCha20Poly1305();

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BYTES = 16;

    private ChaCha20Poly1305() {}

    @Override
    public String name() {
        return "ChaCha20-Poly1305";
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
        return run(Cipher.ENCRYPT_MODE, key, nonce, plaintext, associatedData);
    }

    @Override
    public byte[] open(byte[] key, byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData) {
        if (ciphertextAndTag.length < TAG_BYTES) {
            throw new AuthenticationFailedException(name() + " ciphertext");
        }
        return run(Cipher.DECRYPT_MODE, key, nonce, ciphertextAndTag, associatedData);
    }

    private byte[] run(int mode, byte[] key, byte[] nonce, byte[] input, byte[] associatedData) {
        if (key.length != KEY_BYTES) {
            throw new InvalidKeyException(name() + " key must be " + KEY_BYTES + " bytes");
        }
        if (nonce.length != NONCE_BYTES) {
            throw new CryptoException(name() + " nonce must be " + NONCE_BYTES + " bytes");
        }
        try {
            // A fresh Cipher per call: the JDK refuses to reuse a key and nonce on one instance.
            Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
            cipher.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
            if (associatedData != null && associatedData.length > 0) {
                cipher.updateAAD(associatedData);
            }
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new AuthenticationFailedException(name() + " ciphertext");
        } catch (GeneralSecurityException e) {
            throw new CryptoException(name() + " is unavailable: " + e.getClass().getSimpleName());
        }
    }
}
