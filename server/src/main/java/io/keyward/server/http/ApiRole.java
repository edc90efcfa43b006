package io.keyward.server.http;

import io.javalin.security.RouteRole;

/**
 * Who may call a route. Authentication is attached to the matched route, not to a path prefix, so an
 * oddly written path can never reach an admin handler without the check.
 */
public enum ApiRole implements RouteRole {
    /** Needs {@code Authorization: Bearer <admin token>}. */
    ADMIN
}
