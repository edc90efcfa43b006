package io.keyward.server.audit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs a checkpoint, every {@code audit.checkpoint_interval}, for each organization whose chain has
 * grown since its last checkpoint. Nodes sharing a database each run one; at worst two sign the same
 * head, which is harmless. A failed round is logged and retried at the next interval.
 */
public final class CheckpointScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointScheduler.class);
    private final ScheduledExecutorService executor;

    private CheckpointScheduler(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Starts the schedule; an interval of zero starts nothing (checkpoints only on demand). */
    public static CheckpointScheduler start(AuditLog log, Duration interval) {
        Objects.requireNonNull(log, "log");
        if (interval.isZero()) {
            return new CheckpointScheduler(null);
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("audit-checkpoints").daemon(true).factory());
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(() -> runOnce(log), millis, millis, TimeUnit.MILLISECONDS);
        return new CheckpointScheduler(executor);
    }

    /** One round: a checkpoint for every organization with entries after its last checkpoint. */
    public static int runOnce(AuditLog log) {
        int signed = 0;
        try {
            for (String org : log.orgsWithUncheckpointedEntries()) {
                log.checkpoint(org);
                signed++;
            }
        } catch (RuntimeException e) {
            LOG.warn("audit checkpoint round failed (retried at the next interval): {}", e.getMessage());
        }
        return signed;
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
