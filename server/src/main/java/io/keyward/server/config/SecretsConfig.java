package io.keyward.server.config;

/**
 * Limits of client-side secret storage per user (docs/secrets.md, "Limits"; docs/configuration.md).
 *
 * @param maxNameLength the longest item name, 1-1024 characters
 * @param maxItemBytes the largest stored item JSON, 256 bytes to 16 MiB
 * @param maxItems the most live item names per user
 * @param maxKeys the most secret-storage keys per user
 */
public record SecretsConfig(int maxNameLength, long maxItemBytes, int maxItems, int maxKeys) {
    public static final SecretsConfig DEFAULT = new SecretsConfig(128, 64 * 1024, 1000, 16);
}
