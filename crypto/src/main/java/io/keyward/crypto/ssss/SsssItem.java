package io.keyward.crypto.ssss;

import java.util.Arrays;

/**
 * One encrypted secret-storage item, the {@code {"iv", "ciphertext", "mac"}} object Matrix stores
 * under a key ID in the account data of a secret. The ciphertext is not secret, but the record
 * still shows only lengths in {@link #toString()} to keep logs small.
 *
 * @param iv 16 bytes
 * @param ciphertext AES-256-CTR output, as long as the plaintext
 * @param mac 32 bytes of HMAC-SHA256 over the ciphertext
 */
public record SsssItem(byte[] iv, byte[] ciphertext, byte[] mac) {
    public SsssItem {
        if (iv == null || iv.length != 16) {
            throw new SsssException("iv must be 16 bytes, got " + (iv == null ? 0 : iv.length));
        }
        if (ciphertext == null) {
            throw new SsssException("ciphertext is missing");
        }
        if (mac == null || mac.length != 32) {
            throw new SsssException("mac must be 32 bytes, got " + (mac == null ? 0 : mac.length));
        }
        iv = iv.clone();
        ciphertext = ciphertext.clone();
        mac = mac.clone();
    }

    /** Reads the three base64 fields, padded or unpadded. */
    public static SsssItem fromBase64(String iv, String ciphertext, String mac) {
        return new SsssItem(Base64Std.decode(iv, "iv"), Base64Std.decode(ciphertext, "ciphertext"),
                Base64Std.decode(mac, "mac"));
    }

    @Override
    public byte[] iv() {
        return iv.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    /** Padded standard base64, as matrix-js-sdk writes it. */
    public String ivBase64() {
        return Base64Std.encode(iv);
    }

    public String ciphertextBase64() {
        return Base64Std.encode(ciphertext);
    }

    public String macBase64() {
        return Base64Std.encode(mac);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SsssItem other && Arrays.equals(iv, other.iv)
                && Arrays.equals(ciphertext, other.ciphertext) && Arrays.equals(mac, other.mac);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(iv) + Arrays.hashCode(ciphertext)) + Arrays.hashCode(mac);
    }

    @Override
    public String toString() {
        return "SsssItem[iv=" + ivBase64() + ", ciphertext=" + ciphertext.length + " bytes, mac=" + macBase64() + "]";
    }
}
