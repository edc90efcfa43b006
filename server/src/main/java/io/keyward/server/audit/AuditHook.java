package io.keyward.server.audit;

import io.javalin.http.Context;
import io.keyward.protocol.ErrorCodes;
import io.keyward.server.http.ApiException;
import io.keyward.server.http.Problems;
import io.keyward.server.http.RequestRecorder;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single hook that records every request: {@link io.keyward.server.http.ApiServer} runs it after
 * every request, matched or not (an unmatched path is recorded as {@code <METHOD> unmatched} by an
 * anonymous actor in {@link AuditLog#NODE_ORG}).
 *
 * <ul>
 *   <li>A request whose handler appended its entry in the transaction of its action
 *       ({@link AuditLog#appendInTransaction}) and committed is recorded already: nothing more.</li>
 *   <li>Otherwise one entry is appended in a transaction of its own, from the HTTP status: 2xx is
 *       {@code success}, 401/403/429 {@code denied}, anything else {@code failed} with the problem code.
 *       An action whose transaction rolled back took its entry with it, so it is recorded here as
 *       {@code failed} and leaves no other trace.</li>
 *   <li>If the entry cannot be written, the response is replaced by 503 {@code unavailable}: the node
 *       does not answer what it cannot record.</li>
 * </ul>
 *
 * Nothing here reads a request or response body: entries hold identifiers, never secrets.
 */
public final class AuditHook implements RequestRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(AuditHook.class);
    private final AuditLog log;

    public AuditHook(AuditLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void record(Context ctx) {
        int status = ctx.statusCode();
        Outcome outcome = Outcome.forStatus(status);
        List<AuditEntry> appended = ctx.attribute(AuditLog.APPENDED);
        try {
            if (appended != null && !appended.isEmpty()) {
                if (appended.stream().anyMatch(log::isStored)) {
                    return;
                }
                // The handler's transaction rolled back after appending: its action did not happen.
                if (outcome == Outcome.SUCCESS) {
                    outcome = Outcome.FAILED;
                }
            }
            String code = AuditRequests.problemCode(ctx);
            if (outcome != Outcome.SUCCESS && code == null) {
                code = status >= 200 && status < 300 ? ErrorCodes.INTERNAL : Problems.codeFor(status);
            }
            log.append(AuditRequests.event(ctx, outcome, code));
        } catch (RuntimeException e) {
            LOG.error("request {} could not be audited: {}", io.keyward.server.http.RequestIds.of(ctx), e.getMessage());
            ctx.header("Retry-After", "5");
            throw new ApiException(503, ErrorCodes.UNAVAILABLE, "the audit log cannot record this request; retry later");
        }
    }
}
