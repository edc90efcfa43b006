package io.keyward.server.audit;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.keyward.server.http.RequestIds;

/** Builds a request's {@link AuditEvent} from its HTTP facts and the {@link AuditFacts} handlers set. */
public final class AuditRequests {
    /** The action recorded for a request that matched no route; the raw path is never recorded. */
    public static final String UNMATCHED = "unmatched";
    private static final String PROBLEM_CODE = "keyward.audit.problem_code";

    private AuditRequests() {}

    /**
     * The event for this request: org, actor, device, action and target from {@link AuditFacts}
     * (org {@link AuditLog#NODE_ORG} when none was set; action {@code <METHOD> <route template>} when
     * the handler named none), request id and client address from HTTP.
     */
    public static AuditEvent event(Context ctx, Outcome outcome, String code) {
        AuditFacts.Facts facts = AuditFacts.of(ctx);
        String action = facts.action().orElseGet(() -> ctx.method().name() + " " + routeOf(ctx));
        return new AuditEvent(facts.org().orElse(AuditLog.NODE_ORG), facts.actor().type(), facts.actor().id(),
                facts.device().orElse(null), action, facts.target().orElse(null), outcome,
                outcome == Outcome.SUCCESS ? null : code, RequestIds.of(ctx), ctx.ip());
    }

    /** The matched route template, or {@value #UNMATCHED}. */
    public static String routeOf(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? UNMATCHED : endpoint.path;
    }

    /** Problem writers call this so that the entry carries the problem's code. */
    public static void problemCode(Context ctx, String code) {
        ctx.attribute(PROBLEM_CODE, code);
    }

    static String problemCode(Context ctx) {
        return ctx.attribute(PROBLEM_CODE);
    }
}
