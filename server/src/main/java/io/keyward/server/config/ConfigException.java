package io.keyward.server.config;

/**
 * A configuration value is wrong. The message is one line that starts with {@code config:}, names the
 * field, says what is allowed and where the bad value came from; it never echoes a secret.
 */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
