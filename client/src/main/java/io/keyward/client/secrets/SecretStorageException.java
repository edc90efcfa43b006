package io.keyward.client.secrets;

/** A client-side secret-storage failure: a code (as the server's problem codes) and a one-line detail. */
public final class SecretStorageException extends RuntimeException {
    public static final String KEY_BUNDLE_INVALID = "key_bundle_invalid";
    /** No unlocked key opens the item, or its MAC does not verify. */
    public static final String DECRYPT_FAILED = "decrypt_failed";
    /** A key does not match its stored description (key check). */
    public static final String KEY_MISMATCH = "key_mismatch";
    public static final String KEY_LOCKED = "key_locked";

    private final String code;

    public SecretStorageException(String code, String detail) {
        super(code + ": " + detail);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
