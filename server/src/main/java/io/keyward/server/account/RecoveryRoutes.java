package io.keyward.server.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.keyward.server.audit.AuditFacts;
import io.keyward.server.audit.AuditLog;
import io.keyward.server.http.ApiException;
import io.keyward.server.http.ApiModule;
import io.keyward.server.http.JsonBodies;
import io.keyward.server.session.SealedRoutes;
import io.keyward.server.session.SealedRoutes.Access;

/**
 * Recovery with the recovery key (docs/secrets.md, "Recovery"): the sealed verifier upload, and the plain
 * {@code recovery/start} and {@code recovery/finish} of a user who cannot log in.
 *
 * <p>Start and finish are authentication attempts and are recorded like logins: in the path's org (only
 * when it exists), under the user they concern, with the client address and the outcome. What commits
 * (a started recovery, a new password, a refused proof that ends its recovery) appends its entry in the
 * same transaction; refusals that change nothing are recorded by the audit hook.
 */
final class RecoveryRoutes implements ApiModule {
    private final OrgService orgs;
    private final RecoveryService recovery;
    private final SealedRoutes sealed;
    private final AuditLog audit;

    RecoveryRoutes(OrgService orgs, RecoveryService recovery, SealedRoutes sealed, AuditLog audit) {
        this.orgs = orgs;
        this.recovery = recovery;
        this.sealed = sealed;
        this.audit = audit;
    }

    @Override
    public void register(RoutesConfig routes) {
        sealed.add(routes, HandlerType.PUT, "/v1/recovery/verifier", Access.REQUEST_SESSION, call -> {
            AuditFacts.action(call.ctx(), "secret.recovery.verifier.put");
            AuditFacts.target(call.ctx(), call.session().userKey());
            JsonNode body = call.body(JsonNode.class);
            return recovery.putVerifier(call.session(), text(body, "key_id"), text(body, "public_key"),
                    audit.forRequest(call.ctx()));
        });
        routes.post("/v1/orgs/{org}/recovery/start", ctx -> {
            String org = org(ctx);
            AuditFacts.action(ctx, "secret.recovery.start");
            JsonNode body = JsonBodies.read(ctx, JsonNode.class);
            String userId = text(body, "user_id");
            // Every attempt is recorded under the user id it names (its key when well-formed), known or not.
            if (userId != null) {
                AuditFacts.actor(ctx, AuditFacts.Actor.user(userKeyOrAsGiven(userId)));
                AuditFacts.target(ctx, userId);
            }
            ctx.json(recovery.start(org, userId, text(body, "registration_request"), attempt(ctx)));
        });
        routes.post("/v1/orgs/{org}/recovery/finish", ctx -> {
            String org = org(ctx);
            AuditFacts.action(ctx, "secret.recovery.finish");
            JsonNode body = JsonBodies.read(ctx, JsonNode.class);
            ctx.json(recovery.finish(org, text(body, "recovery_id"), text(body, "registration_record"),
                    text(body, "key_bundle"), text(body, "signature"), attempt(ctx)));
        });
    }

    /** Names the user the attempt concerns (learned from the pending recovery on finish) and appends. */
    private RecoveryService.AttemptAudit attempt(Context ctx) {
        return (connection, userKey, outcome, code) -> {
            AuditFacts.actor(ctx, AuditFacts.Actor.user(userKey));
            AuditFacts.target(ctx, userKey);
            audit.appendInTransaction(connection, ctx, outcome, code);
        };
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body == null ? null : body.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /**
     * The path's org, which must exist (404 {@code org_not_found}): only then is the attempt recorded in
     * that org's audit chain, so requests naming made-up orgs cannot create chains (they go to the node chain).
     */
    private String org(Context ctx) {
        String org = orgs.find(ctx.pathParam("org")).name();
        AuditFacts.org(ctx, org);
        return org;
    }

    private static String userKeyOrAsGiven(String userId) {
        try {
            return Identifiers.userKey(userId);
        } catch (ApiException e) {
            return userId; // malformed: refused with 400, recorded as the caller gave it
        }
    }
}
