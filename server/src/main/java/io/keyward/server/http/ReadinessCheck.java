package io.keyward.server.http;

import java.util.Optional;

/** Whether the node can serve requests that touch its database and root lock ({@code GET /v1/ready}). */
@FunctionalInterface
public interface ReadinessCheck {
    /** Empty when ready; otherwise one line saying what is unusable (no secrets). */
    Optional<String> notReadyReason();
}
