package io.keyward.server.session;

import io.keyward.crypto.util.Base64Url;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Unguessable identifiers: 128 random bits, base64url (22 characters). */
public final class RandomIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{22}");

    private RandomIds() {}

    public static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64Url.encode(bytes);
    }

    /** True for a string of the shape {@link #next()} produces (checked before any lookup). */
    public static boolean wellFormed(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }
}
