package io.keyward.server.audit;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * What the audit hook needs to know about a request beyond what HTTP tells it: which org, who acted,
 * from which device, on what. Authentication and handlers set these as they learn them; the hook
 * that records every request reads them. Values here are identifiers only, never secrets.
 */
public final class AuditFacts {
    private static final String KEY = AuditFacts.class.getName();

    /** Who acted: {@code user}, {@code device}, {@code admin}, {@code system} or {@code anonymous}. */
    public record Actor(String type, String id) {
        public static final Actor ANONYMOUS = new Actor("anonymous", null);
        public static final Actor ADMIN = new Actor("admin", null);

        public static Actor user(String userId) {
            return new Actor("user", userId);
        }
    }

    /** The facts gathered so far for one request. Mutable, request-scoped. */
    public static final class Facts {
        private String org;
        private Actor actor = Actor.ANONYMOUS;
        private String device;
        private String action;
        private String target;
        private String sessionId;

        public Optional<String> org() {
            return Optional.ofNullable(org);
        }

        public Actor actor() {
            return actor;
        }

        public Optional<String> device() {
            return Optional.ofNullable(device);
        }

        /** The action name a handler chose; absent means the hook derives one from the route. */
        public Optional<String> action() {
            return Optional.ofNullable(action);
        }

        public Optional<String> target() {
            return Optional.ofNullable(target);
        }

        public Optional<String> sessionId() {
            return Optional.ofNullable(sessionId);
        }
    }

    private AuditFacts() {}

    public static Facts of(Context ctx) {
        Facts facts = ctx.attribute(KEY);
        if (facts == null) {
            facts = new Facts();
            ctx.attribute(KEY, facts);
        }
        return facts;
    }

    public static void org(Context ctx, String org) {
        of(ctx).org = org;
    }

    public static void actor(Context ctx, Actor actor) {
        of(ctx).actor = actor;
    }

    public static void device(Context ctx, String deviceId) {
        of(ctx).device = deviceId;
    }

    public static void action(Context ctx, String action) {
        of(ctx).action = action;
    }

    public static void target(Context ctx, String target) {
        of(ctx).target = target;
    }

    public static void session(Context ctx, String sessionId) {
        of(ctx).sessionId = sessionId;
    }
}
