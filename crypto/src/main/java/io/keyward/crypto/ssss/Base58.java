package io.keyward.crypto.ssss;

import io.keyward.crypto.util.Bytes;
import java.util.Arrays;

/**
 * Base58 with the Bitcoin alphabet, as Matrix recovery keys use it. Works on byte arrays (not
 * {@link java.math.BigInteger}) so every intermediate holding key material can be overwritten.
 */
final class Base58 {
    static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final int[] DIGITS = new int[128];

    static {
        Arrays.fill(DIGITS, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            DIGITS[ALPHABET.charAt(i)] = i;
        }
    }

    private Base58() {}

    static String encode(byte[] input) {
        int zeros = 0;
        while (zeros < input.length && input[zeros] == 0) {
            zeros++;
        }
        byte[] number = input.clone();
        // log(256)/log(58) < 1.37, so 138 digits per 100 bytes is enough
        byte[] digits = new byte[input.length * 138 / 100 + 1];
        int out = digits.length;
        for (int start = zeros; start < number.length; ) {
            // number := number / 58, remainder is the next digit from the right
            int remainder = 0;
            for (int i = start; i < number.length; i++) {
                int value = (remainder << 8) | (number[i] & 0xff);
                number[i] = (byte) (value / 58);
                remainder = value % 58;
            }
            digits[--out] = (byte) remainder;
            while (start < number.length && number[start] == 0) {
                start++;
            }
        }
        StringBuilder text = new StringBuilder(zeros + digits.length - out);
        text.repeat('1', zeros);
        for (int i = out; i < digits.length; i++) {
            text.append(ALPHABET.charAt(digits[i]));
        }
        Bytes.zeroize(number, digits);
        return text.toString();
    }

    /**
     * Decodes base58 digits (already checked by {@link #digit(char)}); a leading '1' is a zero
     * byte, as in Bitcoin.
     */
    static byte[] decode(int[] digitValues) {
        int zeros = 0;
        while (zeros < digitValues.length && digitValues[zeros] == 0) {
            zeros++;
        }
        // log(58)/log(256) < 0.733
        byte[] number = new byte[digitValues.length * 733 / 1000 + 1];
        for (int k = zeros; k < digitValues.length; k++) {
            // number := number * 58 + digit
            int carry = digitValues[k];
            for (int i = number.length - 1; i >= 0; i--) {
                int value = (number[i] & 0xff) * 58 + carry;
                number[i] = (byte) value;
                carry = value >>> 8;
            }
        }
        int first = 0;
        while (first < number.length && number[first] == 0) {
            first++;
        }
        byte[] out = new byte[zeros + number.length - first];
        System.arraycopy(number, first, out, zeros, number.length - first);
        Bytes.zeroize(number);
        return out;
    }

    /** The value of a base58 character, or -1 when it is not one. */
    static int digit(char c) {
        return c < 128 ? DIGITS[c] : -1;
    }
}
