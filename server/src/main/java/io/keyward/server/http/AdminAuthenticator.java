package io.keyward.server.http;

import io.javalin.http.Context;
import io.keyward.protocol.ErrorCodes;
import io.keyward.server.AdminToken;
import io.keyward.server.audit.AuditFacts;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The access check of every {@link ApiRole#ADMIN} route: {@code Authorization: Bearer <admin token>}
 * compared with the stored hash in constant time. The hash is read on each request so that a token
 * replaced on one node is honoured by every node sharing the database.
 */
public final class AdminAuthenticator {
    private static final String BEARER = "Bearer ";
    private final Supplier<Optional<String>> storedHash;

    public AdminAuthenticator(Supplier<Optional<String>> storedHash) {
        this.storedHash = storedHash;
    }

    /** Runs before a matched route; does nothing for routes without the admin role. */
    void check(Context ctx) {
        if (!ctx.routeRoles().contains(ApiRole.ADMIN)) {
            return;
        }
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip() : null;
        if (!AdminToken.matches(token, storedHash.get())) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"keyward-admin\"");
            throw new ApiException(401, ErrorCodes.UNAUTHORIZED,
                    token == null ? "this route needs Authorization: Bearer <admin token>" : "the admin token is not valid");
        }
        // A refusal above stays anonymous and is audited as denied; from here on the admin acts.
        AuditFacts.actor(ctx, AuditFacts.Actor.ADMIN);
    }
}
