package io.keyward.crypto.ssss;

import java.util.Arrays;

/**
 * The {@code iv}/{@code mac} pair a secret-storage key description carries so a client can tell
 * whether a key is the right one: the MAC of 32 zero bytes encrypted under the key with the empty
 * name. It reveals nothing about the key beyond that test.
 *
 * @param iv 16 bytes
 * @param mac 32 bytes
 */
public record KeyCheck(byte[] iv, byte[] mac) {
    public KeyCheck {
        if (iv == null || iv.length != 16) {
            throw new SsssException("key check iv must be 16 bytes, got " + (iv == null ? 0 : iv.length));
        }
        if (mac == null || mac.length != 32) {
            throw new SsssException("key check mac must be 32 bytes, got " + (mac == null ? 0 : mac.length));
        }
        iv = iv.clone();
        mac = mac.clone();
    }

    /** Reads the base64 fields, padded or unpadded. */
    public static KeyCheck fromBase64(String iv, String mac) {
        return new KeyCheck(Base64Std.decode(iv, "key check iv"), Base64Std.decode(mac, "key check mac"));
    }

    @Override
    public byte[] iv() {
        return iv.clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    public String ivBase64() {
        return Base64Std.encode(iv);
    }

    public String macBase64() {
        return Base64Std.encode(mac);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyCheck other && Arrays.equals(iv, other.iv) && Arrays.equals(mac, other.mac);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(iv) + Arrays.hashCode(mac);
    }

    @Override
    public String toString() {
        return "KeyCheck[iv=" + ivBase64() + ", mac=" + macBase64() + "]";
    }
}
