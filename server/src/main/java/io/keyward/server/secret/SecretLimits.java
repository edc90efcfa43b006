package io.keyward.server.secret;

import java.util.regex.Pattern;

/**
 * Limits of client-side secret storage per user (docs/secrets.md, "Limits").
 *
 * @param maxNameLength the longest item name, in characters (names are {@code [A-Za-z0-9._-]})
 * @param maxItemBytes the largest item JSON, in bytes, as stored
 * @param maxItems the most live (not deleted) item names per user
 * @param maxKeys the most secret-storage keys per user
 */
public record SecretLimits(int maxNameLength, int maxItemBytes, int maxItems, int maxKeys) {
    /** Names as Matrix uses them ({@code m.cross_signing.master}): letters, digits, dot, underscore, dash. */
    static final Pattern NAME_CHARS = Pattern.compile("[A-Za-z0-9._-]+");
    /** Key ids: the same characters, at most 64. */
    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public static final SecretLimits DEFAULTS = of(io.keyward.server.config.SecretsConfig.DEFAULT);

    /** The node's configured limits ({@code secrets.*}). */
    public static SecretLimits of(io.keyward.server.config.SecretsConfig config) {
        return new SecretLimits(config.maxNameLength(), Math.toIntExact(config.maxItemBytes()), config.maxItems(), config.maxKeys());
    }

    public SecretLimits {
        if (maxNameLength < 1 || maxItemBytes < 256 || maxItems < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("secret limits must be positive (item size at least 256 bytes)");
        }
    }
}
