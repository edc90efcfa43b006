package io.keyward.crypto.keys;

import io.keyward.crypto.util.Bytes;
import java.security.SecureRandom;
import java.util.function.UnaryOperator;

/**
 * A fresh 32-byte data key: its plaintext (absent when only the wrapped form was asked for) and
 * the same key wrapped by the working key that made it. {@code toString()} never shows the
 * plaintext; {@link #destroy()} zeroizes it.
 */
public record DataKey(byte[] plaintext, byte[] wrapped) {
    public static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Draws a fresh key and wraps it with {@code wrap}; keeps the plaintext only when asked, and
     * zeroizes it otherwise before returning.
     */
    static DataKey generate(UnaryOperator<byte[]> wrap, boolean includePlaintext) {
        byte[] key = new byte[LENGTH];
        RANDOM.nextBytes(key);
        byte[] wrapped;
        try {
            wrapped = wrap.apply(key);
        } catch (RuntimeException e) {
            Bytes.zeroize(key);
            throw e;
        }
        if (!includePlaintext) {
            Bytes.zeroize(key);
            return new DataKey(null, wrapped);
        }
        return new DataKey(key, wrapped);
    }

    /** The plaintext key, or null when generated wrapped-only. The array is this record's own. */
    @Override
    public byte[] plaintext() {
        return plaintext;
    }

    @Override
    public byte[] wrapped() {
        return wrapped.clone();
    }

    public boolean hasPlaintext() {
        return plaintext != null;
    }

    public void destroy() {
        if (plaintext != null) {
            Bytes.zeroize(plaintext);
        }
    }

    @Override
    public String toString() {
        return "DataKey[" + (plaintext == null ? "wrapped only" : "plaintext hidden") + ", wrapped " + wrapped.length + " bytes]";
    }
}
