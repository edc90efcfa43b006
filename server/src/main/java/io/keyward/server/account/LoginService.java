package io.keyward.server.account;

import io.keyward.crypto.opaque.ClientAuthenticationException;
import io.keyward.crypto.opaque.InvalidMessageException;
import io.keyward.crypto.opaque.KE1;
import io.keyward.crypto.opaque.KE3;
import io.keyward.crypto.opaque.OpaqueServer;
import io.keyward.crypto.opaque.RegistrationRecord;
import io.keyward.crypto.opaque.ServerLoginStart;
import io.keyward.crypto.opaque.Identities;
import io.keyward.crypto.util.Base64Url;
import io.keyward.crypto.util.Bytes;
import io.keyward.protocol.ErrorCodes;
import io.keyward.protocol.account.LoginFinishRequest;
import io.keyward.protocol.account.LoginFinishResponse;
import io.keyward.protocol.account.LoginStartRequest;
import io.keyward.protocol.account.LoginStartResponse;
import io.keyward.server.http.ApiException;
import io.keyward.server.session.LoginThrottle;
import io.keyward.server.session.PendingLogins;
import io.keyward.server.session.RandomIds;
import io.keyward.server.session.SessionKind;
import io.keyward.server.session.SessionRecord;
import io.keyward.server.session.SessionService;
import io.keyward.server.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * OPAQUE login (RFC 9807 section 6) across nodes: {@link #start} answers KE2 and stores the
 * {@code ServerLoginState} as a pending login that any node can finish; {@link #finish} takes it (once),
 * checks KE3 and opens a session.
 *
 * <p>An unknown user gets a KE2 computed from the org's stored fake record with the requested id as
 * credential identifier: the same size and shape as a real one, stable across attempts and nodes, and its
 * finish fails exactly like a wrong password ({@code login_failed}). Failed logins are throttled per
 * account and per client address ({@link LoginThrottle}); unknown users are throttled like known ones.
 */
public final class LoginService {
    /** What a login attempt came to, for the audit facts and the answer. */
    public enum Outcome { SUCCESS, FAILED, INVALID }

    /**
     * @param knownUser false when the login ran against the fake record: for the audit facts only, never
     *     for the answer, which is the same either way
     */
    public record Started(LoginStartResponse response, boolean knownUser) {}

    /** @param knownUser as for {@link Started}; false also when the login id was unknown */
    public record Finished(Outcome outcome, String userKey, boolean knownUser, LoginFinishResponse response) {}

    /** Records a started login in the transaction that counts the attempt (knownUser for the facts only). */
    @FunctionalInterface
    public interface StartAudit {
        StartAudit NONE = (connection, knownUser) -> {};

        void record(Connection connection, boolean knownUser) throws SQLException;
    }

    /** Records a finished login in the transaction that ends it (the route sets the audit facts it learns). */
    @FunctionalInterface
    public interface FinishAudit {
        FinishAudit NONE = (connection, finished) -> {};

        void record(Connection connection, Finished finished) throws SQLException;
    }

    private final Database db;
    private final OrgService orgs;
    private final SessionService sessions;
    private final PendingLogins pending;
    private final LoginThrottle throttle;

    public LoginService(Database db, OrgService orgs, SessionService sessions, PendingLogins pending, LoginThrottle throttle) {
        this.db = db;
        this.orgs = orgs;
        this.sessions = sessions;
        this.pending = pending;
        this.throttle = throttle;
    }

    /** KE2 for {@code request}; 429 {@link io.keyward.server.session.RateLimitedException} when throttled. */
    public Started start(String orgName, LoginStartRequest request, String client) {
        return start(orgName, request, client, StartAudit.NONE);
    }

    /** As {@link #start(String, LoginStartRequest, String)}, recording the attempt in the transaction that counts it. */
    public Started start(String orgName, LoginStartRequest request, String client, StartAudit audit) {
        OrgRecord org = orgs.find(orgName);
        String userKey = Identifiers.userKey(request.userId());
        KE1 ke1 = OpaqueInput.ke1(org.suite(), request.ke1(), "ke1");
        String accountKey = LoginThrottle.accountKey(org.name(), userKey);
        String addressKey = LoginThrottle.addressKey(client);
        throttle.check(accountKey, addressKey);
        Optional<UserRecord> user = db.inTransaction(connection -> Users.find(connection, org.name(), userKey));
        OpaqueServer server = orgs.opaque(org);
        RegistrationRecord record = user.isPresent()
                ? RegistrationRecord.deserialize(org.suite(), user.get().record())
                : orgs.fakeRecord(org);
        ServerLoginStart started;
        try {
            started = server.startLogin(record, RegistrationService.credentialIdentifier(userKey), ke1, Identities.NONE);
        } catch (InvalidMessageException e) {
            throw OpaqueInput.invalidElement("ke1");
        }
        try {
            String loginId = db.inTransaction(connection -> {
                throttle.attempt(connection, accountKey, addressKey);
                String id = pending.put(connection, org.name(), userKey, user.isPresent(), client, started.state());
                audit.record(connection, user.isPresent());
                return id;
            });
            return new Started(new LoginStartResponse(loginId, Base64Url.encode(started.ke2().serialize())), user.isPresent());
        } finally {
            started.state().destroy();
        }
    }

    /**
     * Checks KE3 against the pending login and opens a session. The pending login is deleted whatever the
     * outcome, so a KE3 sent twice is refused ({@code login_invalid}).
     */
    public Finished finish(String orgName, LoginFinishRequest request) {
        return finish(orgName, request, FinishAudit.NONE);
    }

    /** As {@link #finish(String, LoginFinishRequest)}, recording the outcome in the transaction that ends the login. */
    public Finished finish(String orgName, LoginFinishRequest request, FinishAudit audit) {
        OrgRecord org = orgs.find(orgName);
        if (!RandomIds.wellFormed(request.loginId())) {
            throw new ApiException(400, ErrorCodes.LOGIN_INVALID, "the login id is malformed");
        }
        KE3 ke3 = OpaqueInput.ke3(org.suite(), request.ke3(), "ke3");
        if (request.requestLimit() != null && request.requestLimit() < 1) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, "request_limit must be 1 or more");
        }
        OpaqueServer server = orgs.opaque(org);
        return db.inTransaction(connection -> {
            Finished finished = finish(connection, org, server, request, ke3);
            audit.record(connection, finished);
            return finished;
        });
    }

    private Finished finish(Connection connection, OrgRecord org, OpaqueServer server, LoginFinishRequest request, KE3 ke3)
            throws SQLException {
        {
            Optional<PendingLogins.Pending> taken = pending.take(connection, org.name(), request.loginId());
            if (taken.isEmpty()) {
                return new Finished(Outcome.INVALID, null, false, null);
            }
            PendingLogins.Pending login = taken.get();
            try {
                if (login.expired()) {
                    return new Finished(Outcome.INVALID, login.userKey(), login.knownUser(), null);
                }
                byte[] sessionKey;
                try {
                    sessionKey = server.finishLogin(login.state(), ke3);
                } catch (ClientAuthenticationException e) {
                    return new Finished(Outcome.FAILED, login.userKey(), login.knownUser(), null);
                }
                try {
                    Optional<UserRecord> user = login.knownUser()
                            ? Users.find(connection, org.name(), login.userKey()) : Optional.empty();
                    if (user.isEmpty()) {
                        return new Finished(Outcome.FAILED, login.userKey(), false, null); // unreachable with a fake record
                    }
                    SessionKind kind = user.get().pending() ? SessionKind.REGISTRATION : SessionKind.REQUEST;
                    SessionRecord session = sessions.create(connection, org.name(), login.userKey(), kind, sessionKey,
                            request.requestLimit());
                    throttle.succeeded(connection, LoginThrottle.accountKey(org.name(), login.userKey()),
                            LoginThrottle.addressKey(login.client()));
                    return new Finished(Outcome.SUCCESS, login.userKey(), true, new LoginFinishResponse(session.sessionId(),
                            session.expiresAt(), kind == SessionKind.REGISTRATION, session.requestLimit()));
                } finally {
                    Bytes.zeroize(sessionKey);
                }
            } finally {
                login.state().destroy();
            }
        }
    }
}
