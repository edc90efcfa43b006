package io.keyward.server.account;

import io.keyward.server.audit.AuditLog;
import io.keyward.server.config.NodeConfig;
import io.keyward.server.http.ApiModule;
import io.keyward.server.lock.RootLock;
import io.keyward.server.session.LoginThrottle;
import io.keyward.server.session.PendingLogins;
import io.keyward.server.session.SealedRoutes;
import io.keyward.server.session.SessionRoutes;
import io.keyward.server.session.SessionService;
import io.keyward.server.store.Database;
import java.time.Clock;
import java.util.List;

/**
 * The accounts and sessions capabilities, wired for one node: services over the node's database, root
 * lock, configuration and clock (tests pass a clock they move), and the {@link ApiModule}s that serve them.
 */
public final class Accounts {
    private final OrgService orgs;
    private final SessionService sessions;
    private final List<ApiModule> modules;

    private final SealedRoutes sealed;

    /**
     * @param audit the node's audit log: actions that commit append their entry in their own transaction
     */
    public Accounts(NodeConfig config, Database db, RootLock rootLock, Clock clock, AuditLog audit) {
        this.orgs = new OrgService(db, rootLock, clock, config.accounts().allowIdentityKsf());
        this.sessions = new SessionService(db, rootLock, config.sessions(), clock);
        PendingLogins pending = new PendingLogins(rootLock, clock);
        LoginThrottle throttle = new LoginThrottle(db, config.rateLimit(), clock);
        this.sealed = new SealedRoutes(sessions);
        RegistrationService registration = new RegistrationService(db, orgs, clock);
        LoginService login = new LoginService(db, orgs, sessions, pending, throttle);
        AccountService accounts = new AccountService(db, orgs, sessions, pending, clock);
        this.modules = List.of(new AccountRoutes(orgs, registration, login, accounts, sealed, audit),
                new SessionRoutes(db, sessions, sealed, audit),
                new RecoveryRoutes(orgs, new RecoveryService(db, orgs, sessions, pending, clock), sealed, audit));
    }

    public OrgService orgs() {
        return orgs;
    }

    public SessionService sessions() {
        return sessions;
    }

    /** Adds routes whose requests travel in the sealed channel of a session (other capabilities use it too). */
    public SealedRoutes sealedRoutes() {
        return sealed;
    }

    public List<ApiModule> modules() {
        return modules;
    }
}
