package io.keyward.server.account;

import io.keyward.crypto.util.Base64Url;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * One-time registration tokens: a prefix ({@code kwb_} bootstrap, {@code kwi_} invitation) and 32 random
 * bytes in base64url. Only SHA-256 of the token is stored (unsalted is enough: 256 random bits leave
 * nothing to guess or precompute), and it is looked up by that hash, so no comparison leaks timing.
 */
final class Tokens {
    static final String BOOTSTRAP_PREFIX = "kwb_";
    static final String INVITATION_PREFIX = "kwi_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    static String generate(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64Url.encode(bytes);
    }

    static String hash(String token) {
        try {
            return Base64Url.encode(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
