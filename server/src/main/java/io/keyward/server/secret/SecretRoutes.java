package io.keyward.server.secret;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.keyward.protocol.ErrorCodes;
import io.keyward.server.audit.AuditFacts;
import io.keyward.server.audit.AuditLog;
import io.keyward.server.http.ApiException;
import io.keyward.server.http.ApiModule;
import io.keyward.server.session.SealedRoutes;
import io.keyward.server.session.SealedRoutes.Access;
import io.keyward.server.session.SealedRoutes.SealedCall;

/**
 * The sealed routes of client-side secret storage (docs/secrets.md). Every handler names its audit action
 * ({@code secret.*}) and target (the item name or key id) before it does anything; handlers that change
 * something append their audit entry in the transaction that commits the change ({@link AuditLog#forRequest}),
 * reads are recorded by the audit hook.
 */
final class SecretRoutes implements ApiModule {
    private final SecretService secrets;
    private final SealedRoutes sealed;
    private final AuditLog audit;

    SecretRoutes(SecretService secrets, SealedRoutes sealed, AuditLog audit) {
        this.secrets = secrets;
        this.sealed = sealed;
        this.audit = audit;
    }

    @Override
    public void register(RoutesConfig routes) {
        sealed.add(routes, HandlerType.GET, "/v1/secret-keys", Access.REQUEST_SESSION, call -> {
            AuditFacts.action(call.ctx(), "secret.key.list");
            return secrets.listKeys(call.session());
        });
        sealed.add(routes, HandlerType.GET, "/v1/secret-keys/{key_id}", Access.REQUEST_SESSION, call -> {
            String keyId = keyTarget(call, "secret.key.read");
            return secrets.getKey(call.session(), keyId);
        });
        sealed.add(routes, HandlerType.PUT, "/v1/secret-keys/{key_id}", Access.REQUEST_SESSION, call -> {
            String keyId = keyTarget(call, "secret.key.put");
            return secrets.putKey(call.session(), keyId, call.body(JsonNode.class), audit.forRequest(call.ctx()));
        });
        sealed.add(routes, HandlerType.PUT, "/v1/secret-keys/{key_id}/default", Access.REQUEST_SESSION, call -> {
            String keyId = keyTarget(call, "secret.key.default");
            return secrets.makeDefault(call.session(), keyId, audit.forRequest(call.ctx()));
        });
        sealed.add(routes, HandlerType.DELETE, "/v1/secret-keys/{key_id}", Access.REQUEST_SESSION, call -> {
            String keyId = keyTarget(call, "secret.key.delete");
            return secrets.deleteKey(call.session(), keyId, audit.forRequest(call.ctx()));
        });

        sealed.add(routes, HandlerType.GET, "/v1/secrets", Access.REQUEST_SESSION, call -> {
            AuditFacts.action(call.ctx(), "secret.list");
            return secrets.list(call.session(), call.ctx().queryParam("after"), intQuery(call.ctx(), "limit"));
        });
        sealed.add(routes, HandlerType.GET, "/v1/secrets/{name}", Access.REQUEST_SESSION, call -> {
            String name = target(call, "secret.get");
            String version = call.ctx().queryParam("version");
            return secrets.get(call.session(), name, version == null ? null : (long) intQuery(call.ctx(), "version"));
        });
        sealed.add(routes, HandlerType.PUT, "/v1/secrets/{name}", Access.REQUEST_SESSION, call -> {
            String name = target(call, "secret.put");
            JsonNode body = call.body(JsonNode.class);
            return secrets.put(call.session(), name, replaces(body), body.get("item"), audit.forRequest(call.ctx()));
        });
        sealed.add(routes, HandlerType.DELETE, "/v1/secrets/{name}", Access.REQUEST_SESSION, call -> {
            String name = target(call, "secret.delete");
            return secrets.delete(call.session(), name, replaces(call.body(JsonNode.class)), audit.forRequest(call.ctx()));
        });
        sealed.add(routes, HandlerType.GET, "/v1/secrets/{name}/history", Access.REQUEST_SESSION, call -> {
            String name = target(call, "secret.history");
            return secrets.history(call.session(), name);
        });
    }

    private static String target(SealedCall call, String action) {
        AuditFacts.action(call.ctx(), action);
        String name = call.ctx().pathParam("name");
        AuditFacts.target(call.ctx(), name);
        return name;
    }

    private static String keyTarget(SealedCall call, String action) {
        AuditFacts.action(call.ctx(), action);
        String keyId = call.ctx().pathParam("key_id");
        AuditFacts.target(call.ctx(), keyId);
        return keyId;
    }

    /** {@code replaces}: the version the write replaces, 0 for a name never written. */
    private static long replaces(JsonNode body) {
        JsonNode replaces = body == null ? null : body.get("replaces");
        if (replaces == null || !replaces.canConvertToLong() || !replaces.isIntegralNumber() || replaces.asLong() < 0) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD,
                    "field replaces (the current version, 0 for a new name) is required, a whole number from 0");
        }
        return replaces.asLong();
    }

    private static int intQuery(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 1) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, "query parameter " + name + " must be a positive whole number");
        }
    }
}
