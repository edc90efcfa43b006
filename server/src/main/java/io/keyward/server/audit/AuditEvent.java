package io.keyward.server.audit;

import java.util.Objects;

/**
 * What happened, before the log gives it a place in a chain (seq, time, hash). Identifiers only:
 * never a password, key, plaintext or token.
 *
 * @param org the organization whose chain records it ({@link AuditLog#NODE_ORG} for node-level requests)
 * @param actorType {@code user}, {@code device}, {@code admin}, {@code system} or {@code anonymous}
 * @param actorId the user or device id, or null (admin, system, anonymous)
 * @param device the device the request came from, or null
 * @param action what was done, e.g. {@code account.login} or {@code GET /v1/health}
 * @param target what it was done to, e.g. {@code user:alice}, or null
 * @param code the problem code when the outcome is not success, else null
 * @param requestId the request id of the HTTP request, or null (system actions)
 * @param client the client's IP address, or null (system actions)
 */
public record AuditEvent(String org, String actorType, String actorId, String device, String action, String target,
        Outcome outcome, String code, String requestId, String client) {
    public AuditEvent {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(actorType, "actorType");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        if (org.isEmpty() || actorType.isEmpty() || action.isEmpty()) {
            throw new IllegalArgumentException("audit org, actor type and action must not be empty");
        }
    }
}
