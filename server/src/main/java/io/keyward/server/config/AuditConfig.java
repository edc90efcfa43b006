package io.keyward.server.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The audit log's settings.
 *
 * @param checkpointInterval how often the node signs a checkpoint of each organization whose chain
 *     grew; zero signs checkpoints only on demand
 */
public record AuditConfig(Duration checkpointInterval) {
    public static final AuditConfig DEFAULT = new AuditConfig(ConfigLoader.DEFAULT_CHECKPOINT_INTERVAL);

    public AuditConfig {
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
    }
}
