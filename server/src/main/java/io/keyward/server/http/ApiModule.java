package io.keyward.server.http;

import io.javalin.config.RoutesConfig;

/**
 * A capability's routes (accounts, keystores, secrets, ...). Each capability package provides one and
 * the node registers them all; admin routes pass {@link ApiRole#ADMIN}. Every route must also be
 * described in {@code server/src/main/resources/openapi.json} (a test enforces it).
 */
@FunctionalInterface
public interface ApiModule {
    void register(RoutesConfig routes);
}
