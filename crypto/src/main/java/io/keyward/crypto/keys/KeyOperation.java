package io.keyward.crypto.keys;

/** What a working key can be asked to do. Which operations a type permits is in {@link KeyType}. */
public enum KeyOperation {
    ENCRYPT, DECRYPT, SIGN, VERIFY, MAC, VERIFY_MAC,
    /** Wrap a content key for a recipient public key (HPKE). */
    WRAP,
    /** Unwrap a content key wrapped for this key. */
    UNWRAP,
    GENERATE_DATA_KEY, ENCAPSULATE, DECAPSULATE;

    /** Lower-case name for messages and wire fields, e.g. {@code verify_mac}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
