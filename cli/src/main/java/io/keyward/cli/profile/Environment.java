package io.keyward.cli.profile;

import java.util.Map;
import java.util.Objects;

/**
 * The environment variables the user commands read ({@code KEYWARD_HOME}, {@code KEYWARD_PASSWORD},
 * {@code KEYWARD_FINGERPRINT}, {@code KEYWARD_ADMIN_TOKEN}, ...), through one door so that an
 * in-process caller (the tests, an embedding tool) can supply them without touching the process
 * environment, which Java cannot change.
 */
public final class Environment {
    private static volatile Map<String, String> override;

    private Environment() {}

    /** The variable's value, or null when it is unset or empty. */
    public static String get(String name) {
        Map<String, String> values = override;
        String value = values != null ? values.get(name) : System.getenv(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * Replaces the process environment by {@code values} until the returned handle is closed.
     * Not for concurrent use: commands run one at a time in a process.
     */
    public static Scope use(Map<String, String> values) {
        Map<String, String> previous = override;
        override = Map.copyOf(Objects.requireNonNull(values));
        return () -> override = previous;
    }

    /** Restores the previous environment on close. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
