package io.keyward.server.http;

import io.javalin.http.Context;

/**
 * Runs after every request the API handles, matched or not, once its status and problem code are
 * known and before the response is sent: the audit hook ({@link io.keyward.server.audit.AuditHook}).
 * Registered by {@link ApiServer} itself, so a capability's new route cannot leave it out. Throwing an
 * {@link ApiException} replaces the response (the audit hook refuses to answer what it cannot record).
 */
@FunctionalInterface
public interface RequestRecorder {
    RequestRecorder NONE = ctx -> {};

    void record(Context ctx);
}
