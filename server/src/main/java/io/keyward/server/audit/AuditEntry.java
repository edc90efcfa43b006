package io.keyward.server.audit;

import java.util.Objects;

/**
 * One entry of an organization's chain, as stored, served and exported (JSON with snake_case fields).
 * {@code hash} is unpadded base64url of SHA-256 over the previous entry's hash and this entry's
 * canonical encoding ({@link AuditChain}, docs/formats.md "Audit log").
 *
 * @param time RFC 3339 UTC with exactly six fractional digits, e.g. {@code 2026-11-25T10:32:30.123456Z}
 * @param outcome {@code success}, {@code denied} or {@code failed}
 */
public record AuditEntry(long seq, String time, String org, String actorType, String actorId, String device,
        String action, String target, String outcome, String code, String requestId, String client, String hash) {
    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(actorType, "actorType");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The same entry with another hash (the hash is computed after the other fields are fixed). */
    public AuditEntry withHash(String newHash) {
        return new AuditEntry(seq, time, org, actorType, actorId, device, action, target, outcome, code, requestId,
                client, newHash);
    }
}
