package io.keyward.server.audit;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import io.keyward.server.http.ApiModule;
import io.keyward.server.session.SealedRoutes;
import java.util.Objects;

/**
 * {@code GET /v1/audit}, sealed: a user reads their own entries (those where they are the actor,
 * including every login attempt under their user id) in their organization, with the filters and
 * paging of the admin route. The query string is part of the sealed request's associated data.
 */
public final class UserAuditRoutes implements ApiModule {
    private final AuditLog log;
    private final SealedRoutes sealed;

    public UserAuditRoutes(AuditLog log, SealedRoutes sealed) {
        this.log = Objects.requireNonNull(log, "log");
        this.sealed = Objects.requireNonNull(sealed, "sealed");
    }

    @Override
    public void register(RoutesConfig routes) {
        sealed.add(routes, HandlerType.GET, "/v1/audit", SealedRoutes.Access.REQUEST_SESSION, call -> {
            AuditFacts.action(call.ctx(), "audit.read_own");
            AuditQuery query = AuditRoutes.query(call.ctx(), call.session().org())
                    .forActor("user", call.session().userKey());
            return AuditRoutes.page(log.read(query), query.limit());
        });
    }
}
