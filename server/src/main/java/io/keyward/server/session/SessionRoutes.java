package io.keyward.server.session;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import io.keyward.server.audit.AuditFacts;
import io.keyward.server.audit.AuditLog;
import io.keyward.server.http.ApiModule;
import io.keyward.server.store.Database;
import java.util.Map;

/** Sealed {@code POST /v1/session/logout} and {@code POST /v1/session/logout-all}. */
public final class SessionRoutes implements ApiModule {
    private final Database db;
    private final SessionService sessions;
    private final SealedRoutes sealed;
    private final AuditLog audit;

    public SessionRoutes(Database db, SessionService sessions, SealedRoutes sealed, AuditLog audit) {
        this.audit = audit;
        this.db = db;
        this.sessions = sessions;
        this.sealed = sealed;
    }

    @Override
    public void register(RoutesConfig routes) {
        sealed.add(routes, HandlerType.POST, "/v1/session/logout", SealedRoutes.Access.REQUEST_SESSION, call -> {
            AuditFacts.action(call.ctx(), "session.logout");
            AuditFacts.target(call.ctx(), call.session().sessionId());
            int ended = db.inTransaction(connection -> {
                int count = sessions.end(connection, call.session().sessionId());
                audit.appendInTransaction(connection, call.ctx());
                return count;
            });
            return Map.of("ended_sessions", ended);
        });
        sealed.add(routes, HandlerType.POST, "/v1/session/logout-all", SealedRoutes.Access.REQUEST_SESSION, call -> {
            AuditFacts.action(call.ctx(), "session.logout_all");
            AuditFacts.target(call.ctx(), call.session().userKey());
            int ended = db.inTransaction(connection -> {
                int count = sessions.endAll(connection, call.session().org(), call.session().userKey(), null);
                audit.appendInTransaction(connection, call.ctx());
                return count;
            });
            return Map.of("ended_sessions", ended);
        });
    }
}
