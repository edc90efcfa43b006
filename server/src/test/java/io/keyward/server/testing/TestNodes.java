package io.keyward.server.testing;

import io.keyward.server.config.ConfigField;
import io.keyward.server.config.ConfigLoader;
import io.keyward.server.config.ConfigSources;
import io.keyward.server.config.NodeConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Configurations for in-process test nodes: a given data directory, a free port, no shutdown wait. */
public final class TestNodes {
    private TestNodes() {}

    /**
     * @param more pairs of {@link ConfigField} names and values, e.g. {@code "SERVER_PORT", "70000"}
     */
    public static NodeConfig config(Path dataDir, String... more) {
        Map<ConfigField, String> flags = new HashMap<>();
        flags.put(ConfigField.DATA_DIR, dataDir.toString());
        flags.put(ConfigField.SERVER_PORT, "0");
        flags.put(ConfigField.SERVER_SHUTDOWN_GRACE, "0s");
        for (int i = 0; i < more.length; i += 2) {
            flags.put(ConfigField.valueOf(more[i]), more[i + 1]);
        }
        return ConfigLoader.load(ConfigSources.ofFlags(flags));
    }
}
