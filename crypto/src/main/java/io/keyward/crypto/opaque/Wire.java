package io.keyward.crypto.opaque;

import io.keyward.crypto.CryptoException;
import java.util.Arrays;

/** Fixed-layout parsing and checking shared by the OPAQUE message records. */
final class Wire {
    private Wire() {}

    /** Splits {@code bytes} into fields of the given lengths, refusing any other total length. */
    static byte[][] split(String what, byte[] bytes, int... lengths) {
        if (bytes == null) {
            throw new InvalidMessageException(what + " is missing");
        }
        int total = 0;
        for (int length : lengths) {
            total += length;
        }
        if (bytes.length != total) {
            throw new InvalidMessageException(what + " must be " + total + " bytes, got " + bytes.length);
        }
        byte[][] out = new byte[lengths.length][];
        int offset = 0;
        for (int i = 0; i < lengths.length; i++) {
            out[i] = Arrays.copyOfRange(bytes, offset, offset + lengths[i]);
            offset += lengths[i];
        }
        return out;
    }

    /** A defensive copy of a field of exactly {@code length} bytes. */
    static byte[] field(String what, byte[] value, int length) {
        if (value == null) {
            throw new InvalidMessageException(what + " is missing");
        }
        if (value.length != length) {
            throw new InvalidMessageException(what + " must be " + length + " bytes, got " + value.length);
        }
        return value.clone();
    }

    /** Value equality of two serialized values, in constant time since some hold MACs or keys. */
    static boolean sameBytes(byte[] a, byte[] b) {
        return java.security.MessageDigest.isEqual(a, b);
    }

    /** Checks that {@code encoded} is a valid non-identity element of the suite's group. */
    static void checkElement(OpaqueSuite suite, String what, byte[] encoded) {
        try {
            suite.group().deserializeElement(encoded);
        } catch (CryptoException e) {
            throw new InvalidMessageException(what + " is not a valid " + suite.group().name() + " element", e);
        }
    }
}
