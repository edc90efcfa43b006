package io.keyward.server.keystore;

import io.keyward.server.config.KeystoresConfig;
import io.keyward.server.http.ApiModule;
import io.keyward.server.lock.RootLock;
import io.keyward.server.session.SealedRoutes;
import io.keyward.server.store.Database;
import java.time.Clock;

/** The keystores capability wired for one node: services over its database, root lock and cache settings. */
public final class Keystores {
    private final KeystoreService keystores;
    private final KeyService keys;

    public Keystores(Database db, RootLock rootLock, KeystoresConfig config, Clock clock) {
        KeystoreLocks locks = new KeystoreLocks(rootLock, config, clock);
        this.keystores = new KeystoreService(db, locks, clock);
        this.keys = new KeyService(db, keystores, locks, clock);
    }

    public KeystoreService keystores() {
        return keystores;
    }

    public KeyService keys() {
        return keys;
    }

    /** The routes; {@code auditLog} (may be null) appends each change's audit entry in its transaction. */
    public ApiModule routes(SealedRoutes sealed, io.keyward.server.audit.AuditLog auditLog) {
        return new KeystoreRoutes(keystores, keys, sealed, auditLog);
    }
}
