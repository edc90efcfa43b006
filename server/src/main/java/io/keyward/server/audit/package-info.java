/**
 * The audit log (DESIGN.md, "Audit"; formats in docs/formats.md, "Audit log"): an append-only,
 * hash-chained log per organization that records every request a node answers.
 *
 * <ul>
 *   <li>{@link io.keyward.server.audit.AuditLog}: appends (in the caller's transaction or its own),
 *       reads with filters and paging, signs checkpoints.</li>
 *   <li>{@link io.keyward.server.audit.AuditHook}: the single request hook that
 *       {@link io.keyward.server.http.ApiServer} runs after every request; handlers that commit an action
 *       append in its transaction with {@link io.keyward.server.audit.AuditLog#appendInTransaction} or
 *       {@link io.keyward.server.audit.AuditLog#forRequest}.</li>
 *   <li>{@link io.keyward.server.audit.AuditChain}, {@link io.keyward.server.audit.AuditExport},
 *       {@link io.keyward.server.audit.AuditVerifier}: the formats and the offline check, shared with
 *       the command line.</li>
 *   <li>{@link io.keyward.server.audit.AuditKey}: the Ed25519 checkpoint key, wrapped by the root lock.</li>
 * </ul>
 */
package io.keyward.server.audit;
