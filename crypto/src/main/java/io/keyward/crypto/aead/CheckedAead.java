package io.keyward.crypto.aead;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.InvalidKeyException;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The checks every {@link Aead} here shares, in one place: exact key and nonce lengths, a
 * ciphertext at least a tag long, and the translation of provider failures into
 * {@link AuthenticationFailedException} or a one-line {@link CryptoException}.
 */
abstract class CheckedAead implements Aead {
    static final int TAG_BYTES = 16;

    private final String name;
    private final int keyLength;
    private final int nonceLength;

    CheckedAead(String name, int keyLength, int nonceLength) {
        this.name = name;
        this.keyLength = keyLength;
        this.nonceLength = nonceLength;
    }

    /** Runs the cipher on checked lengths; {@code associatedData} is never null here. */
    abstract byte[] crypt(boolean encrypt, byte[] key, byte[] nonce, byte[] input, byte[] associatedData);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int keyLength() {
        return keyLength;
    }

    @Override
    public final int nonceLength() {
        return nonceLength;
    }

    @Override
    public final int tagLength() {
        return TAG_BYTES;
    }

    @Override
    public final byte[] seal(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData) {
        check(key, nonce);
        return crypt(true, key, nonce, plaintext, associatedData == null ? new byte[0] : associatedData);
    }

    @Override
    public final byte[] open(byte[] key, byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData) {
        if (ciphertextAndTag.length < TAG_BYTES) {
            throw new AuthenticationFailedException(name + " ciphertext");
        }
        check(key, nonce);
        return crypt(false, key, nonce, ciphertextAndTag, associatedData == null ? new byte[0] : associatedData);
    }

    private void check(byte[] key, byte[] nonce) {
        if (key.length != keyLength) {
            throw new InvalidKeyException(name + " key must be " + keyLength + " bytes");
        }
        if (nonce.length != nonceLength) {
            throw new CryptoException(name + " nonce must be " + nonceLength + " bytes");
        }
    }

    /** One JDK cipher call. A fresh Cipher each time: the JDK refuses to reuse a key and nonce on one instance. */
    final byte[] jdk(String transformation, SecretKeySpec key, AlgorithmParameterSpec parameters, boolean encrypt,
                     byte[] input, byte[] associatedData) {
        try {
            Cipher cipher = Cipher.getInstance(transformation);
            cipher.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, key, parameters);
            if (associatedData.length > 0) {
                cipher.updateAAD(associatedData);
            }
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new AuthenticationFailedException(name + " ciphertext");
        } catch (GeneralSecurityException e) {
            throw new CryptoException(name + " is unavailable: " + e.getClass().getSimpleName());
        }
    }
}
