package io.keyward.server.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.keyward.server.audit.AuditFacts;
import io.keyward.server.http.ApiModule;
import io.keyward.server.http.JsonBodies;
import io.keyward.server.session.SealedRoutes;
import io.keyward.server.session.SealedRoutes.Access;

/**
 * Recovery with the recovery key (docs/secrets.md, "Recovery"): the sealed verifier upload, and the plain
 * {@code recovery/start} and {@code recovery/finish} of a user who cannot log in.
 */
final class RecoveryRoutes implements ApiModule {
    private final RecoveryService recovery;
    private final SealedRoutes sealed;

    RecoveryRoutes(RecoveryService recovery, SealedRoutes sealed) {
        this.recovery = recovery;
        this.sealed = sealed;
    }

    @Override
    public void register(RoutesConfig routes) {
        sealed.add(routes, HandlerType.PUT, "/v1/recovery/verifier", Access.REQUEST_SESSION, call -> {
            AuditFacts.action(call.ctx(), "secret.recovery.verifier.put");
            AuditFacts.target(call.ctx(), call.session().userKey());
            JsonNode body = call.body(JsonNode.class);
            return recovery.putVerifier(call.session(), text(body, "key_id"), text(body, "public_key"));
        });
        routes.post("/v1/orgs/{org}/recovery/start", ctx -> {
            String org = org(ctx);
            AuditFacts.action(ctx, "secret.recovery.start");
            JsonNode body = JsonBodies.read(ctx, JsonNode.class);
            AuditFacts.target(ctx, text(body, "user_id"));
            ctx.json(recovery.start(org, text(body, "user_id"), text(body, "registration_request")));
        });
        routes.post("/v1/orgs/{org}/recovery/finish", ctx -> {
            String org = org(ctx);
            AuditFacts.action(ctx, "secret.recovery.finish");
            JsonNode body = JsonBodies.read(ctx, JsonNode.class);
            AuditFacts.target(ctx, text(body, "recovery_id"));
            ctx.json(recovery.finish(org, text(body, "recovery_id"), text(body, "registration_record"),
                    text(body, "key_bundle"), text(body, "signature")));
        });
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body == null ? null : body.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static String org(Context ctx) {
        String org = ctx.pathParam("org");
        AuditFacts.org(ctx, org);
        return org;
    }
}
