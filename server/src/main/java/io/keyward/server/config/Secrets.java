package io.keyward.server.config;

import java.util.regex.Pattern;

/** Masking of configuration secrets for {@code --print-config}, logs and {@code toString()}. */
final class Secrets {
    static final String MASK = "****";
    /** {@code password=...} inside a JDBC URL's query or properties. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    private Secrets() {}

    static String mask(String secret) {
        return secret == null || secret.isEmpty() ? secret : MASK;
    }

    static String maskJdbcUrl(String url) {
        return url == null ? null : URL_PASSWORD.matcher(url).replaceAll("$1" + MASK);
    }
}
