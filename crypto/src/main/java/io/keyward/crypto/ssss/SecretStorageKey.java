package io.keyward.crypto.ssss;

import io.keyward.crypto.util.Bytes;
import java.security.SecureRandom;

/**
 * A 256-bit Matrix secret-storage key. Holds its own copy of the bytes, hands out copies, never
 * shows them in {@link #toString()}, and overwrites them on {@link #close()}.
 */
public final class SecretStorageKey implements AutoCloseable {
    /** Secret-storage keys are 32 bytes. */
    public static final int LENGTH = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private boolean destroyed;

    private SecretStorageKey(byte[] key) {
        this.key = key;
    }

    /** Wraps a copy of {@code key}; the caller keeps (and should zeroize) its own array. */
    public static SecretStorageKey of(byte[] key) {
        if (key == null || key.length != LENGTH) {
            throw new SsssException("a secret-storage key is " + LENGTH + " bytes, got "
                    + (key == null ? 0 : key.length));
        }
        return new SecretStorageKey(key.clone());
    }

    /** A new random key. */
    public static SecretStorageKey generate() {
        byte[] key = new byte[LENGTH];
        RANDOM.nextBytes(key);
        return new SecretStorageKey(key);
    }

    /** Decodes a Matrix recovery key ({@link RecoveryKey#decode(String)}). */
    public static SecretStorageKey fromRecoveryKey(String recoveryKey) {
        return new SecretStorageKey(RecoveryKey.decode(recoveryKey));
    }

    /** Derives the key from a passphrase as the key description's {@code m.pbkdf2} parameters say. */
    public static SecretStorageKey fromPassphrase(char[] passphrase, PassphraseInfo info) {
        return new SecretStorageKey(info.deriveKey(passphrase));
    }

    /** A copy of the key bytes; zeroize it when done. */
    public byte[] bytes() {
        checkLive();
        return key.clone();
    }

    /** The Matrix recovery-key encoding of this key. */
    public String toRecoveryKey() {
        checkLive();
        return RecoveryKey.encode(key);
    }

    /** Package-private view without a copy, for the cipher in this package. */
    byte[] unsafeBytes() {
        checkLive();
        return key;
    }

    /** Overwrites the key; later use fails. */
    @Override
    public void close() {
        Bytes.zeroize(key);
        destroyed = true;
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("secret-storage key was closed");
        }
    }

    @Override
    public String toString() {
        return "SecretStorageKey[" + LENGTH + " bytes, hidden]";
    }
}
