package io.keyward.server;

import io.keyward.crypto.util.Base64Url;
import io.keyward.crypto.util.Bytes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The node's admin token: {@code kwa_} followed by 32 random bytes in base64url. It is shown once, on
 * first start, and stored only as its SHA-256 hash; a single unsalted hash suffices because the token
 * carries 256 random bits (nothing to guess or precompute), and it keeps verification cheap.
 */
public final class AdminToken {
    /** Marks the token in logs, shell history and secret scanners. */
    public static final String PREFIX = "kwa_";
    /** The server-settings entry holding the hash. */
    public static final String SETTING = "admin_token_sha256";
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminToken() {}

    public static String generate() {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        try {
            return PREFIX + Base64Url.encode(random);
        } finally {
            Bytes.zeroize(random);
        }
    }

    /** The stored form: base64url(SHA-256(token)). */
    public static String hash(String token) {
        return Base64Url.encode(sha256(token));
    }

    /**
     * True when {@code presented} hashes to {@code storedHash}; the comparison takes the same time
     * wherever the hashes differ. A missing or malformed stored hash matches nothing.
     */
    public static boolean matches(String presented, Optional<String> storedHash) {
        if (presented == null || storedHash.isEmpty()) {
            return false;
        }
        byte[] expected;
        try {
            expected = Base64Url.decode(storedHash.get(), SETTING);
        } catch (RuntimeException e) {
            return false;
        }
        return Bytes.constantTimeEquals(sha256(presented), expected);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
