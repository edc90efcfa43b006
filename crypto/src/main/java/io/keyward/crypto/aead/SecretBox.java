package io.keyward.crypto.aead;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.util.Bytes;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * NaCl {@code crypto_secretbox_xsalsa20poly1305} in libsodium's "easy" layout: {@code seal} returns
 * {@code MAC (16) || ciphertext}, as {@code crypto_secretbox_easy} does.
 *
 * <p>The construction is NaCl's, built from BouncyCastle's XSalsa20 and Poly1305: the first 32
 * bytes of the XSalsa20 keystream are the one-time Poly1305 key, the message is XORed with the
 * keystream from byte 32 on, and the tag is Poly1305 over the ciphertext alone. There is no
 * associated data. Parsec's sequester armor uses it for the bulk of the data.
 */
public final class SecretBox {
    public static final int KEY_BYTES = 32;
    public static final int NONCE_BYTES = 24;
    public static final int MAC_BYTES = 16;

    private SecretBox() {}

    /** Encrypts and authenticates; returns {@code MAC || ciphertext}. */
    public static byte[] seal(byte[] key, byte[] nonce, byte[] plaintext) {
        XSalsa20Engine stream = start(key, nonce);
        byte[] polyKey = firstBlock(stream);
        try {
            byte[] out = new byte[MAC_BYTES + plaintext.length];
            stream.processBytes(plaintext, 0, plaintext.length, out, MAC_BYTES);
            byte[] mac = poly1305(polyKey, out, MAC_BYTES, plaintext.length);
            System.arraycopy(mac, 0, out, 0, MAC_BYTES);
            return out;
        } finally {
            Bytes.zeroize(polyKey);
        }
    }

    /** Checks the MAC in constant time, then decrypts; never returns unauthenticated plaintext. */
    public static byte[] open(byte[] key, byte[] nonce, byte[] macAndCiphertext) {
        XSalsa20Engine stream = start(key, nonce);
        if (macAndCiphertext.length < MAC_BYTES) {
            throw new AuthenticationFailedException("XSalsa20-Poly1305 secretbox");
        }
        byte[] polyKey = firstBlock(stream);
        try {
            int length = macAndCiphertext.length - MAC_BYTES;
            byte[] expected = poly1305(polyKey, macAndCiphertext, MAC_BYTES, length);
            if (!Bytes.constantTimeEquals(expected, Arrays.copyOf(macAndCiphertext, MAC_BYTES))) {
                throw new AuthenticationFailedException("XSalsa20-Poly1305 secretbox");
            }
            byte[] plaintext = new byte[length];
            stream.processBytes(macAndCiphertext, MAC_BYTES, length, plaintext, 0);
            return plaintext;
        } finally {
            Bytes.zeroize(polyKey);
        }
    }

    private static XSalsa20Engine start(byte[] key, byte[] nonce) {
        if (key == null || key.length != KEY_BYTES) {
            throw new CryptoException("XSalsa20-Poly1305 key must be " + KEY_BYTES + " bytes");
        }
        if (nonce == null || nonce.length != NONCE_BYTES) {
            throw new CryptoException("XSalsa20-Poly1305 nonce must be " + NONCE_BYTES + " bytes");
        }
        XSalsa20Engine stream = new XSalsa20Engine();
        stream.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        return stream;
    }

    /** Consumes keystream bytes 0..31, which NaCl reserves as the Poly1305 key. */
    private static byte[] firstBlock(XSalsa20Engine stream) {
        byte[] polyKey = new byte[32];
        stream.processBytes(polyKey, 0, polyKey.length, polyKey, 0);
        return polyKey;
    }

    private static byte[] poly1305(byte[] polyKey, byte[] data, int offset, int length) {
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(polyKey));
        mac.update(data, offset, length);
        byte[] tag = new byte[MAC_BYTES];
        mac.doFinal(tag, 0);
        return tag;
    }
}
