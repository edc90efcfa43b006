package io.keyward.server.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.keyward.crypto.aead.AuthenticationFailedException;
import io.keyward.crypto.util.Bytes;
import io.keyward.protocol.ErrorCodes;
import io.keyward.protocol.Problem;
import io.keyward.protocol.WireJson;
import io.keyward.protocol.channel.ChannelKeys;
import io.keyward.protocol.channel.SealedChannel;
import io.keyward.server.audit.AuditFacts;
import io.keyward.server.audit.AuditRequests;
import io.keyward.server.http.ApiException;
import io.keyward.server.http.JsonBodies;
import io.keyward.server.http.RequestIds;
import io.keyward.server.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes whose requests and answers travel sealed (DESIGN.md, "The sealed channel"). For each request:
 *
 * <ol>
 *   <li>{@code Keyward-Session} and {@code Keyward-Seq} are read, the session is loaded and checked
 *       (ended, expired, idle, request limit) and the route checked against the session's kind;</li>
 *   <li>the body is opened under the session's client-to-server key with the AAD
 *       {@code "<METHOD> <raw path?query>\n<session_id>\n<seq>"}; a body that does not authenticate is
 *       refused with 400 {@code seal_invalid} <b>before</b> the seq is used, so nobody without the key can
 *       use up a session's seqs or requests, and nothing stored changes;</li>
 *   <li>the seq is consumed atomically in the database ({@link SessionService#consume}); only then</li>
 *   <li>the handler runs on the plaintext JSON, and its answer, or its problem, is sealed under the
 *       server-to-client key with the same seq.</li>
 * </ol>
 *
 * Errors of steps 1-3 are plain {@code application/problem+json}: nothing may be sealed under a nonce
 * (seq) that this request has not consumed, because a second answer sealed under the same key and nonce
 * would break AES-GCM. Every answer sealed under a seq is therefore the only one ever sealed under it.
 */
public final class SealedRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(SealedRoutes.class);

    /** Which sessions may call a route. */
    public enum Access {
        /** Request sessions only (the usual case). */
        REQUEST_SESSION,
        /** The registration session only ({@code POST /v1/account/complete}). */
        REGISTRATION_SESSION
    }

    /** A sealed handler: gets the opened request, returns the answer body (a record, map, or null for {@code {}}). */
    @FunctionalInterface
    public interface Handler {
        Object handle(SealedCall call);
    }

    /** One opened request. */
    public record SealedCall(Context ctx, SessionRecord session, byte[] plaintext) {
        /** The JSON body as {@code type}; 400 problems as for plain JSON routes. */
        public <T> T body(Class<T> type) {
            return JsonBodies.read(plaintext, type);
        }
    }

    private final SessionService sessions;

    public SealedRoutes(SessionService sessions) {
        this.sessions = sessions;
    }

    public void add(RoutesConfig routes, HandlerType method, String path, Access access, Handler handler) {
        io.javalin.http.Handler serving = ctx -> serve(ctx, access, handler);
        if (method.equals(HandlerType.GET)) {
            routes.get(path, serving);
        } else if (method.equals(HandlerType.POST)) {
            routes.post(path, serving);
        } else if (method.equals(HandlerType.PUT)) {
            routes.put(path, serving);
        } else if (method.equals(HandlerType.PATCH)) {
            routes.patch(path, serving);
        } else if (method.equals(HandlerType.DELETE)) {
            routes.delete(path, serving);
        } else {
            throw new IllegalArgumentException("sealed routes are GET, POST, PUT, PATCH or DELETE");
        }
    }

    private void serve(Context ctx, Access access, Handler handler) {
        // Read the (size-limited) body first: an HTTP/2 client still sending it when an early refusal
        // arrives sees its stream reset instead of the problem.
        byte[] body = ctx.bodyAsBytes();
        String sessionId = ctx.header(SealedChannel.SESSION_HEADER);
        if (sessionId == null || sessionId.isEmpty()) {
            throw new ApiException(401, ErrorCodes.SESSION_INVALID, "this route needs a " + SealedChannel.SESSION_HEADER + " header");
        }
        long seq;
        try {
            seq = SealedChannel.parseSeq(ctx.header(SealedChannel.SEQ_HEADER));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, ErrorCodes.SEQ_INVALID, e.getMessage());
        }
        SessionRecord session = sessions.live(sessionId);
        AuditFacts.session(ctx, session.sessionId());
        AuditFacts.org(ctx, session.org());
        AuditFacts.actor(ctx, AuditFacts.Actor.user(session.userKey()));
        if (access == Access.REQUEST_SESSION && session.kind() == SessionKind.REGISTRATION) {
            throw new ApiException(403, ErrorCodes.REGISTRATION_SESSION,
                    "a registration session accepts only POST /v1/account/complete");
        }
        if (access == Access.REGISTRATION_SESSION && session.kind() != SessionKind.REGISTRATION) {
            throw new ApiException(409, ErrorCodes.ACCOUNT_ALREADY_COMPLETE,
                    "this account is complete; only its registration session completes it");
        }
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith(SealedChannel.CONTENT_TYPE)) {
            throw new ApiException(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                    "a sealed route needs Content-Type: " + SealedChannel.CONTENT_TYPE);
        }
        String query = ctx.queryString();
        String pathAndQuery = ctx.path() + (query == null ? "" : "?" + query);
        try (ChannelKeys keys = sessions.keys(session.sessionId())) {
            byte[] plaintext;
            try {
                plaintext = SealedChannel.openRequest(keys, ctx.method().name(), pathAndQuery, session.sessionId(), seq,
                        body);
            } catch (AuthenticationFailedException e) {
                throw new ApiException(400, ErrorCodes.SEAL_INVALID,
                        "the sealed body does not authenticate for this session, seq, method and path");
            }
            SessionRecord counted = sessions.consume(session.sessionId(), seq);
            // From here on every answer is sealed under this seq, and only one answer is.
            int status;
            byte[] json;
            try {
                Object answer = handler.handle(new SealedCall(ctx, counted, plaintext));
                status = 200;
                json = WireJson.mapper().writeValueAsBytes(answer == null ? java.util.Map.of() : answer);
            } catch (ApiException e) {
                status = e.status();
                json = problem(e.problem());
            } catch (StoreException e) {
                boolean unavailable = e.reason() == StoreException.Reason.UNAVAILABLE;
                if (!unavailable) {
                    LOG.error("request {} failed: {} {}", RequestIds.of(ctx), ctx.method(), ctx.endpoints().matchedHttpEndpoint(), e);
                }
                status = unavailable ? 503 : 500;
                json = problem(Problem.of(status, unavailable ? ErrorCodes.UNAVAILABLE : ErrorCodes.INTERNAL,
                        unavailable ? "the database is not available; retry later"
                                : "internal error (request id " + RequestIds.of(ctx) + ")"));
            } catch (JsonProcessingException | RuntimeException e) {
                LOG.error("request {} failed: {} {}", RequestIds.of(ctx), ctx.method(), ctx.path(), e);
                status = 500;
                json = problem(Problem.of(500, ErrorCodes.INTERNAL, "internal error (request id " + RequestIds.of(ctx) + ")"));
            } finally {
                Bytes.zeroize(plaintext);
            }
            if (status >= 400) {
                // The problem travels sealed; the audit entry still carries its code.
                AuditRequests.problemCode(ctx, problemCode(json));
            }
            byte[] sealed = SealedChannel.sealResponse(keys, status, session.sessionId(), seq, json);
            Bytes.zeroize(json);
            ctx.status(status);
            ctx.result(sealed);
            // Binary: no charset parameter (Javalin would add one through contentType()).
            ctx.res().setCharacterEncoding(null);
            ctx.res().setContentType(SealedChannel.CONTENT_TYPE);
        }
    }

    private static String problemCode(byte[] problemJson) {
        try {
            return WireJson.mapper().readTree(problemJson).path("code").asText(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static byte[] problem(Problem problem) {
        try {
            return WireJson.mapper().writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            return ("{\"status\":" + problem.status() + ",\"code\":\"" + problem.code() + "\"}")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }
}
