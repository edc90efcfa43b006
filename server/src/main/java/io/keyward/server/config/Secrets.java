package io.keyward.server.config;

import java.util.regex.Pattern;

/** Masking of configuration secrets for {@code --print-config}, logs and {@code toString()}. */
final class Secrets {
    static final String MASK = "****";
    /** Password-like parameters inside a JDBC URL ({@code ?password=}, {@code &sslpassword=}, ...). */
    private static final Pattern URL_PASSWORD =
            Pattern.compile("(?i)([?&;][^=&;?]*(password|secret|token)[^=&;?]*=)[^&;]*");

    private Secrets() {}

    static String mask(String secret) {
        return secret == null || secret.isEmpty() ? secret : MASK;
    }

    static String maskJdbcUrl(String url) {
        return url == null ? null : URL_PASSWORD.matcher(url).replaceAll("$1" + MASK);
    }
}
