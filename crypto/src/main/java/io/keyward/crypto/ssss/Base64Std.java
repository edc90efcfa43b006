package io.keyward.crypto.ssss;

import java.util.Base64;

/**
 * Standard-alphabet base64 as Matrix secret storage uses it: written padded, as matrix-js-sdk
 * writes items and key checks, and read padded or unpadded, because other clients (and the Matrix
 * spec's examples) write it without padding.
 */
final class Base64Std {
    private static final Base64.Encoder ENCODER = Base64.getEncoder();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private Base64Std() {}

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** @param field names the value in the error message */
    static byte[] decode(String text, String field) {
        if (text == null) {
            throw new SsssException(field + " is missing");
        }
        try {
            // the JDK decoder accepts a missing padding but refuses misplaced '=' and whitespace
            return DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw new SsssException(field + " is not valid base64");
        }
    }
}
