package io.keyward.server.keystore;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.keyward.protocol.keystore.CreateKeyRequest;
import io.keyward.protocol.keystore.CreateKeystoreRequest;
import io.keyward.protocol.keystore.GrantRequest;
import io.keyward.protocol.keystore.ImportKeyRequest;
import io.keyward.protocol.keystore.OperationRequest;
import io.keyward.server.audit.AuditFacts;
import io.keyward.server.audit.AuditLog;
import io.keyward.server.audit.TransactionAudit;
import io.keyward.server.http.ApiModule;
import io.keyward.server.session.SealedRoutes;
import io.keyward.server.session.SealedRoutes.Access;
import io.keyward.server.session.SealedRoutes.SealedCall;

/**
 * The sealed routes of keystores and keys. Every handler names its audit action ({@code keystore.*}) and
 * target ({@code keystore:<id>}, or {@code key:<ks>/<key>} with {@code @v<n>} once the version is known).
 */
public final class KeystoreRoutes implements ApiModule {
    private final KeystoreService keystores;
    private final KeyService keys;
    private final SealedRoutes sealed;
    private final AuditLog auditLog;

    /** @param auditLog appends each change's entry in the transaction that commits it (null: the hook records alone) */
    public KeystoreRoutes(KeystoreService keystores, KeyService keys, SealedRoutes sealed, AuditLog auditLog) {
        this.keystores = keystores;
        this.keys = keys;
        this.sealed = sealed;
        this.auditLog = auditLog;
    }

    private KeystoreAudit audit(SealedCall call) {
        if (auditLog == null) {
            return (connection, target) -> AuditFacts.target(call.ctx(), target);
        }
        TransactionAudit inTransaction = auditLog.forRequest(call.ctx());
        return (connection, target) -> {
            AuditFacts.target(call.ctx(), target);
            inTransaction.success(connection);
        };
    }

    @Override
    public void register(RoutesConfig routes) {
        sealed.add(routes, HandlerType.POST, "/v1/keystores", Access.REQUEST_SESSION, call -> {
            AuditFacts.action(call.ctx(), "keystore.create");
            var info = keystores.create(caller(call),
                    call.plaintext().length == 0 ? null : call.body(CreateKeystoreRequest.class), audit(call));
            AuditFacts.target(call.ctx(), "keystore:" + info.keystoreId());
            return info;
        });
        sealed.add(routes, HandlerType.GET, "/v1/keystores", Access.REQUEST_SESSION, call -> {
            AuditFacts.action(call.ctx(), "keystore.list");
            return keystores.list(caller(call));
        });
        sealed.add(routes, HandlerType.GET, "/v1/keystores/{ks}", Access.REQUEST_SESSION, call -> {
            String ks = keystore(call, "keystore.read");
            return keystores.get(caller(call), ks);
        });
        sealed.add(routes, HandlerType.DELETE, "/v1/keystores/{ks}", Access.REQUEST_SESSION, call -> {
            String ks = keystore(call, "keystore.delete");
            boolean force = "true".equals(call.ctx().queryParam("force"));
            keystores.delete(caller(call), ks, force, audit(call));
            return null;
        });
        sealed.add(routes, HandlerType.GET, "/v1/keystores/{ks}/jwks", Access.REQUEST_SESSION, call -> {
            String ks = keystore(call, "keystore.jwks");
            return keys.jwks(caller(call), ks);
        });
        sealed.add(routes, HandlerType.POST, "/v1/keystores/{ks}/grants", Access.REQUEST_SESSION, call -> {
            String ks = keystore(call, "keystore.grant.create");
            return keystores.grant(caller(call), ks, call.body(GrantRequest.class), audit(call));
        });
        sealed.add(routes, HandlerType.GET, "/v1/keystores/{ks}/grants", Access.REQUEST_SESSION, call -> {
            String ks = keystore(call, "keystore.grant.list");
            return keystores.grants(caller(call), ks);
        });
        sealed.add(routes, HandlerType.DELETE, "/v1/keystores/{ks}/grants/{grant}", Access.REQUEST_SESSION, call -> {
            String ks = keystore(call, "keystore.grant.revoke");
            keystores.revoke(caller(call), ks, call.ctx().pathParam("grant"), audit(call));
            return null;
        });
        sealed.add(routes, HandlerType.POST, "/v1/keystores/{ks}/keys", Access.REQUEST_SESSION, call -> {
            String ks = keystore(call, "keystore.key.create");
            var info = keys.create(caller(call), ks, call.body(CreateKeyRequest.class), audit(call));
            AuditFacts.target(call.ctx(), "key:" + ks + "/" + info.keyId() + "@v1");
            return info;
        });
        sealed.add(routes, HandlerType.POST, "/v1/keystores/{ks}/keys/import", Access.REQUEST_SESSION, call -> {
            String ks = keystore(call, "keystore.key.import");
            var info = keys.importKey(caller(call), ks, call.body(ImportKeyRequest.class), audit(call));
            AuditFacts.target(call.ctx(), "key:" + ks + "/" + info.keyId() + "@v1");
            return info;
        });
        sealed.add(routes, HandlerType.GET, "/v1/keystores/{ks}/keys", Access.REQUEST_SESSION, call -> {
            String ks = keystore(call, "keystore.key.list");
            return keys.list(caller(call), ks);
        });
        sealed.add(routes, HandlerType.GET, "/v1/keystores/{ks}/keys/{key}", Access.REQUEST_SESSION, call -> {
            String ks = keystore(call, "keystore.key.read");
            String key = key(call, ks);
            return keys.get(caller(call), ks, key);
        });
        sealed.add(routes, HandlerType.DELETE, "/v1/keystores/{ks}/keys/{key}", Access.REQUEST_SESSION, call -> {
            String ks = keystore(call, "keystore.key.delete");
            String key = key(call, ks);
            keys.delete(caller(call), ks, key, audit(call));
            return null;
        });
        sealed.add(routes, HandlerType.POST, "/v1/keystores/{ks}/keys/{key}/{operation}", Access.REQUEST_SESSION, call -> {
            String operation = call.ctx().pathParam("operation");
            String ks = keystore(call, "keystore.key." + operationName(operation));
            String key = key(call, ks);
            OperationRequest request = call.plaintext().length == 0 ? null : call.body(OperationRequest.class);
            return keys.operate(caller(call), ks, key, operation, request,
                    touched -> AuditFacts.target(call.ctx(), "key:" + ks + "/" + key + "@v" + touched.version()), audit(call));
        });
    }

    private static Caller caller(SealedCall call) {
        return new Caller(call.session().org(), call.session().userKey());
    }

    private static String keystore(SealedCall call, String action) {
        Context ctx = call.ctx();
        AuditFacts.action(ctx, action);
        String ks = ctx.pathParam("ks");
        AuditFacts.target(ctx, "keystore:" + ks);
        return ks;
    }

    private static String key(SealedCall call, String ks) {
        String key = call.ctx().pathParam("key");
        AuditFacts.target(call.ctx(), "key:" + ks + "/" + key);
        return key;
    }

    /** The operation as an audit action suffix; an unknown name is recorded as such, never verbatim. */
    private static String operationName(String operation) {
        for (KeyAction action : KeyAction.values()) {
            if (action.wireName().equals(operation)) {
                return operation;
            }
        }
        return "unknown";
    }
}
