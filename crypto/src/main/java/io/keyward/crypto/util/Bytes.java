package io.keyward.crypto.util;

import java.security.MessageDigest;
import java.util.Arrays;

/** Byte-array helpers shared by every protocol in this module. */
public final class Bytes {
    private Bytes() {}

    /** Concatenates the arrays in order. */
    public static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length = Math.addExact(length, part.length);
        }
        byte[] out = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }

    /** Compares in time that depends only on the lengths, for MACs, tags and key checks. */
    public static boolean constantTimeEquals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /** Overwrites key material once it is no longer needed; tolerates null. */
    public static void zeroize(byte[]... arrays) {
        for (byte[] array : arrays) {
            if (array != null) {
                Arrays.fill(array, (byte) 0);
            }
        }
    }

    /** I2OSP from RFC 8017: the big-endian encoding of {@code value} in exactly {@code length} bytes. */
    public static byte[] i2osp(long value, int length) {
        if (length < 1 || length > 8 || (length < 8 && value >>> (8 * length) != 0) || value < 0) {
            throw new IllegalArgumentException("value does not fit in " + length + " bytes");
        }
        byte[] out = new byte[length];
        for (int i = length - 1; i >= 0; i--) {
            out[i] = (byte) value;
            value >>>= 8;
        }
        return out;
    }

    /** Returns {@code bytes[from, from+length)}, checking bounds with a clear message. */
    public static byte[] slice(byte[] bytes, int from, int length) {
        if (from < 0 || length < 0 || from + length > bytes.length) {
            throw new IllegalArgumentException("slice out of range");
        }
        return Arrays.copyOfRange(bytes, from, from + length);
    }
}
