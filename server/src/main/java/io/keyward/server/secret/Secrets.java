package io.keyward.server.secret;

import io.keyward.server.audit.AuditLog;
import io.keyward.server.http.ApiModule;
import io.keyward.server.session.SealedRoutes;
import io.keyward.server.store.Database;
import java.time.Clock;

/** The secret-storage capability wired for one node: its service and its sealed routes. */
public final class Secrets {
    private final SecretService service;
    private final ApiModule routes;

    /** @param audit the node's audit log: changes append their entry in the transaction that commits them */
    public Secrets(Database db, SealedRoutes sealed, SecretLimits limits, Clock clock, AuditLog audit) {
        this.service = new SecretService(db, limits, clock);
        this.routes = new SecretRoutes(service, sealed, audit);
    }

    public SecretService service() {
        return service;
    }

    public ApiModule routes() {
        return routes;
    }
}
