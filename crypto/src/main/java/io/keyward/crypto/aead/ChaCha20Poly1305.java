package io.keyward.crypto.aead;

import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * ChaCha20-Poly1305 (RFC 8439) through the JDK provider: 32-byte key, 12-byte nonce, 16-byte tag.
 * A nonce must never repeat under one key; with random nonces prefer {@link XChaCha20Poly1305}.
 */
public final class ChaCha20Poly1305 extends CheckedAead {
    public static final ChaCha20Poly1305 INSTANCE = new ChaCha20Poly1305();

    private ChaCha20Poly1305() {
        super("ChaCha20-Poly1305", 32, 12);
    }

    @Override
    byte[] crypt(boolean encrypt, byte[] key, byte[] nonce, byte[] input, byte[] associatedData) {
        return jdk("ChaCha20-Poly1305", new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce),
                encrypt, input, associatedData);
    }
}
