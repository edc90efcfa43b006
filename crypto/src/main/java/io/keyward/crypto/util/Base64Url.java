package io.keyward.crypto.util;

import io.keyward.crypto.CryptoException;
import java.util.Base64;

/** Unpadded base64url, the wire encoding of every binary value (DESIGN.md, "Wire conventions"). */
public final class Base64Url {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {}

    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /**
     * Decodes unpadded base64url strictly: padding, standard-alphabet characters and whitespace are
     * refused so that one value has exactly one encoding on the wire.
     *
     * @param field names the value in the error message
     */
    public static byte[] decode(String text, String field) {
        if (text == null) {
            throw new CryptoException(field + " is missing");
        }
        if (text.indexOf('=') >= 0) {
            throw new CryptoException(field + " must be unpadded base64url");
        }
        try {
            byte[] bytes = DECODER.decode(text);
            if (!ENCODER.encodeToString(bytes).equals(text)) {
                throw new CryptoException(field + " is not canonical base64url");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new CryptoException(field + " is not valid base64url");
        }
    }
}
