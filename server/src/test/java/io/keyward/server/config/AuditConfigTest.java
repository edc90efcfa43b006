package io.keyward.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code audit.checkpoint_interval}: default, environment, off, and refused values. */
class AuditConfigTest {
    private static NodeConfig load(Map<String, String> env) {
        return ConfigLoader.load(new ConfigSources(Optional.empty(), env, Map.of()));
    }

    @Test
    void defaultsToTenMinutesAndReadsTheEnvironment() {
        assertThat(load(Map.of()).audit().checkpointInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(load(Map.of("KEYWARD_AUDIT_CHECKPOINT_INTERVAL", "30s")).audit().checkpointInterval())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(load(Map.of("KEYWARD_AUDIT_CHECKPOINT_INTERVAL", "0s")).audit().checkpointInterval()).isZero();
        assertThat(ConfigPrinter.yaml(load(Map.of("KEYWARD_AUDIT_CHECKPOINT_INTERVAL", "90s"))))
                .contains("audit:\n  checkpoint_interval: 90s");
    }

    @Test
    void refusesValuesOutsideItsRangeInOneLine() {
        assertThatThrownBy(() -> load(Map.of("KEYWARD_AUDIT_CHECKPOINT_INTERVAL", "soon")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config: audit.checkpoint_interval must be ")
                .hasMessageContaining("(from KEYWARD_AUDIT_CHECKPOINT_INTERVAL)");
        assertThatThrownBy(() -> load(Map.of("KEYWARD_AUDIT_CHECKPOINT_INTERVAL", "2000m")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config: audit.checkpoint_interval must be ");
    }
}
