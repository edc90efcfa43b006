package io.keyward.server.account;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.keyward.protocol.ErrorCodes;
import io.keyward.protocol.account.CompleteAccountRequest;
import io.keyward.protocol.account.CreateOrgRequest;
import io.keyward.protocol.account.LoginFinishRequest;
import io.keyward.protocol.account.LoginStartRequest;
import io.keyward.protocol.account.PasswordChangeFinishRequest;
import io.keyward.protocol.account.PasswordChangeStartRequest;
import io.keyward.protocol.account.RegisterFinishRequest;
import io.keyward.protocol.account.RegisterStartRequest;
import io.keyward.server.audit.AuditFacts;
import io.keyward.server.audit.AuditLog;
import io.keyward.server.audit.Outcome;
import io.keyward.server.http.ApiException;
import io.keyward.server.http.ApiModule;
import io.keyward.server.http.ApiRole;
import io.keyward.server.http.JsonBodies;
import io.keyward.server.session.RateLimitedException;
import io.keyward.server.session.SealedRoutes;
import io.keyward.server.session.SealedRoutes.Access;

/**
 * The routes of organizations and accounts. Plain JSON: org administration (admin token), the published
 * org, registration and login. Sealed ({@link SealedRoutes}): the account itself, its completion, its
 * password, and an owner's invitations. Every handler names its audit action and the facts it knows.
 */
public final class AccountRoutes implements ApiModule {
    private final OrgService orgs;
    private final RegistrationService registration;
    private final LoginService login;
    private final AccountService accounts;
    private final SealedRoutes sealed;
    private final AuditLog audit;

    public AccountRoutes(OrgService orgs, RegistrationService registration, LoginService login, AccountService accounts,
            SealedRoutes sealed, AuditLog audit) {
        this.audit = audit;
        this.orgs = orgs;
        this.registration = registration;
        this.login = login;
        this.accounts = accounts;
        this.sealed = sealed;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/admin/orgs", ctx -> {
            admin(ctx, "org.create");
            CreateOrgRequest request = JsonBodies.read(ctx, CreateOrgRequest.class);
            if (Identifiers.validOrg(request.org())) {
                AuditFacts.org(ctx, request.org());
            }
            AuditFacts.target(ctx, request.org());
            // The address the admin used (Host or :authority), as the URL the bootstrap user will use.
            java.net.URI url = java.net.URI.create(ctx.url());
            ctx.status(201).json(orgs.create(request, url.getScheme() + "://" + url.getRawAuthority()));
        }, ApiRole.ADMIN);
        routes.post("/v1/admin/orgs/{org}/invitations", ctx -> {
            admin(ctx, "org.invitation.create");
            String org = org(ctx);
            ctx.status(201).json(orgs.invite(orgs.find(org).name()));
        }, ApiRole.ADMIN);

        routes.get("/v1/orgs/{org}", ctx -> {
            AuditFacts.action(ctx, "org.read");
            ctx.json(orgs.info(org(ctx)));
        });
        routes.post("/v1/orgs/{org}/register/start", ctx -> {
            String org = org(ctx);
            AuditFacts.action(ctx, "account.register.start");
            RegisterStartRequest request = JsonBodies.read(ctx, RegisterStartRequest.class);
            AuditFacts.target(ctx, request.userId());
            ctx.json(registration.start(org, request));
        });
        routes.post("/v1/orgs/{org}/register/finish", ctx -> {
            String org = org(ctx);
            AuditFacts.action(ctx, "account.register.finish");
            RegisterFinishRequest request = JsonBodies.read(ctx, RegisterFinishRequest.class);
            AuditFacts.target(ctx, request.userId());
            ctx.status(201).json(registration.finish(org, request, audit.forRequest(ctx)));
        });
        routes.post("/v1/orgs/{org}/login/start", ctx -> {
            String org = org(ctx);
            AuditFacts.action(ctx, "session.login.start");
            LoginStartRequest request = JsonBodies.read(ctx, LoginStartRequest.class);
            // Every attempt is recorded under the user id it names (its lower-case key, as sessions carry it),
            // known or not, with the client address: in this transaction when it counts, by the hook when refused.
            AuditFacts.actor(ctx, AuditFacts.Actor.user(userKeyOrAsGiven(request.userId())));
            AuditFacts.target(ctx, request.userId());
            try {
                LoginService.Started started = login.start(org, request, ctx.ip(), (connection, knownUser) -> {
                    if (!knownUser) {
                        // Recorded, never answered: the answer is the same as for a known user.
                        AuditFacts.action(ctx, "session.login.start.unknown_user");
                    }
                    audit.appendInTransaction(connection, ctx);
                });
                ctx.json(started.response());
            } catch (RateLimitedException e) {
                ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
                throw e;
            }
        });
        routes.post("/v1/orgs/{org}/login/finish", ctx -> {
            String org = org(ctx);
            AuditFacts.action(ctx, "session.login.finish");
            LoginFinishRequest request = JsonBodies.read(ctx, LoginFinishRequest.class);
            LoginService.Finished finished = login.finish(org, request, (connection, result) -> {
                if (result.userKey() != null) {
                    AuditFacts.actor(ctx, AuditFacts.Actor.user(result.userKey()));
                    AuditFacts.target(ctx, result.userKey());
                    if (!result.knownUser()) {
                        AuditFacts.action(ctx, "session.login.finish.unknown_user");
                    }
                }
                switch (result.outcome()) {
                    case SUCCESS -> audit.appendInTransaction(connection, ctx);
                    case FAILED -> audit.appendInTransaction(connection, ctx, Outcome.DENIED, ErrorCodes.LOGIN_FAILED);
                    case INVALID -> audit.appendInTransaction(connection, ctx, Outcome.FAILED, ErrorCodes.LOGIN_INVALID);
                }
            });
            switch (finished.outcome()) {
                case SUCCESS -> {
                    AuditFacts.session(ctx, finished.response().sessionId());
                    ctx.json(finished.response());
                }
                case FAILED -> throw new ApiException(401, ErrorCodes.LOGIN_FAILED, "the user id or password is wrong");
                case INVALID -> throw new ApiException(400, ErrorCodes.LOGIN_INVALID,
                        "no such pending login: unknown, expired, or already finished");
            }
        });

        sealed.add(routes, HandlerType.GET, "/v1/account", Access.REQUEST_SESSION, call -> {
            AuditFacts.action(call.ctx(), "account.read");
            return accounts.info(call.session());
        });
        sealed.add(routes, HandlerType.POST, "/v1/account/complete", Access.REGISTRATION_SESSION, call -> {
            AuditFacts.action(call.ctx(), "account.complete");
            AuditFacts.target(call.ctx(), call.session().userKey());
            return accounts.complete(call.session(), call.body(CompleteAccountRequest.class), audit.forRequest(call.ctx()));
        });
        sealed.add(routes, HandlerType.POST, "/v1/account/password/start", Access.REQUEST_SESSION, call -> {
            AuditFacts.action(call.ctx(), "account.password.start");
            AuditFacts.target(call.ctx(), call.session().userKey());
            return accounts.passwordStart(call.session(), call.body(PasswordChangeStartRequest.class));
        });
        sealed.add(routes, HandlerType.POST, "/v1/account/password/finish", Access.REQUEST_SESSION, call -> {
            AuditFacts.action(call.ctx(), "account.password.finish");
            AuditFacts.target(call.ctx(), call.session().userKey());
            return accounts.passwordFinish(call.session(), call.body(PasswordChangeFinishRequest.class),
                    audit.forRequest(call.ctx()));
        });
        sealed.add(routes, HandlerType.POST, "/v1/org/invitations", Access.REQUEST_SESSION, call -> {
            AuditFacts.action(call.ctx(), "org.invitation.create");
            accounts.requireOwner(call.session());
            AuditFacts.target(call.ctx(), call.session().org());
            return orgs.invite(call.session().org());
        });
    }

    private static void admin(Context ctx, String action) {
        AuditFacts.actor(ctx, AuditFacts.Actor.ADMIN);
        AuditFacts.action(ctx, action);
    }

    /**
     * The path's org, which must exist (404 {@code org_not_found}): only then is the request recorded in
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
            return userId; // malformed: refused with 400 below, recorded as the caller gave it
        }
    }
}
