package io.keyward.crypto.ssss;

import io.keyward.crypto.util.Bytes;

/**
 * Matrix recovery-key encoding of a secret-storage key (Matrix client-server spec, "Key
 * representation"): the bytes {@code 0x8B 0x01}, the 32 key bytes and a parity byte (the XOR of all
 * the bytes before it), in base58 with the Bitcoin alphabet, in groups of 4 characters separated by
 * spaces. Decoding ignores all whitespace.
 */
public final class RecoveryKey {
    private static final byte PREFIX_0 = (byte) 0x8B;
    private static final byte PREFIX_1 = 0x01;
    private static final int DECODED_LENGTH = 2 + SecretStorageKey.LENGTH + 1;

    private RecoveryKey() {}

    /** Encodes a 32-byte key as a spaced recovery key. */
    public static String encode(byte[] key) {
        if (key == null || key.length != SecretStorageKey.LENGTH) {
            throw new SsssException("a secret-storage key is " + SecretStorageKey.LENGTH + " bytes, got "
                    + (key == null ? 0 : key.length));
        }
        byte[] raw = new byte[DECODED_LENGTH];
        raw[0] = PREFIX_0;
        raw[1] = PREFIX_1;
        System.arraycopy(key, 0, raw, 2, key.length);
        raw[DECODED_LENGTH - 1] = parity(raw, DECODED_LENGTH - 1);
        String plain = Base58.encode(raw);
        Bytes.zeroize(raw);
        StringBuilder spaced = new StringBuilder(plain.length() + plain.length() / 4);
        for (int i = 0; i < plain.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                spaced.append(' ');
            }
            spaced.append(plain.charAt(i));
        }
        return spaced.toString();
    }

    /**
     * Decodes a recovery key to its 32 key bytes.
     *
     * @throws InvalidRecoveryKeyException naming what was wrong: a character that is not base58
     *     (by position, not value), the length, the prefix or the parity byte
     */
    public static byte[] decode(String recoveryKey) {
        if (recoveryKey == null) {
            throw new InvalidRecoveryKeyException("recovery key is missing");
        }
        int[] digits = new int[recoveryKey.length()];
        int count = 0;
        for (int i = 0; i < recoveryKey.length(); i++) {
            char c = recoveryKey.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            int digit = Base58.digit(c);
            if (digit < 0) {
                throw new InvalidRecoveryKeyException("recovery key has a character that is not base58 at position " + (i + 1));
            }
            digits[count++] = digit;
        }
        if (count == 0) {
            throw new InvalidRecoveryKeyException("recovery key is empty");
        }
        byte[] raw = Base58.decode(java.util.Arrays.copyOf(digits, count));
        java.util.Arrays.fill(digits, 0);
        try {
            if (raw.length != DECODED_LENGTH) {
                throw new InvalidRecoveryKeyException("recovery key has the wrong length (decodes to " + raw.length
                        + " bytes, expected " + DECODED_LENGTH + ")");
            }
            if (raw[0] != PREFIX_0 || raw[1] != PREFIX_1) {
                throw new InvalidRecoveryKeyException("recovery key has the wrong prefix (not a Matrix recovery key)");
            }
            if (parity(raw, DECODED_LENGTH) != 0) {
                throw new InvalidRecoveryKeyException("recovery key has a wrong parity byte (mistyped?)");
            }
            return Bytes.slice(raw, 2, SecretStorageKey.LENGTH);
        } finally {
            Bytes.zeroize(raw);
        }
    }

    /** XOR of {@code bytes[0, length)}; over the whole decoded key, 0 when the parity byte is right. */
    private static byte parity(byte[] bytes, int length) {
        byte parity = 0;
        for (int i = 0; i < length; i++) {
            parity ^= bytes[i];
        }
        return parity;
    }
}
