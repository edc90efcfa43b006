package io.keyward.server.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where configuration values come from, lowest precedence first: built-in defaults, the YAML file,
 * {@code KEYWARD_*} environment variables, command-line flags.
 *
 * @param file the YAML file ({@code --config}), if any
 * @param env the environment (tests pass their own map, never the real one)
 * @param flags command-line values by field (e.g. {@code server.port -> 8443})
 */
public record ConfigSources(Optional<Path> file, Map<String, String> env, Map<ConfigField, String> flags) {
    public ConfigSources {
        env = Map.copyOf(env);
        flags = Map.copyOf(flags);
    }

    /** Only flags: no file and an empty environment. */
    public static ConfigSources ofFlags(Map<ConfigField, String> flags) {
        return new ConfigSources(Optional.empty(), Map.of(), flags);
    }
}
