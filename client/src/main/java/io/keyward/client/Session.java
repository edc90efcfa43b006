package io.keyward.client;

import io.keyward.crypto.aead.AuthenticationFailedException;
import io.keyward.crypto.opaque.ClientRegistrationResult;
import io.keyward.crypto.opaque.Identities;
import io.keyward.crypto.opaque.OpaqueClient;
import io.keyward.crypto.opaque.OpaqueException;
import io.keyward.crypto.opaque.RegistrationResponse;
import io.keyward.crypto.opaque.RegistrationStart;
import io.keyward.crypto.util.Base64Url;
import io.keyward.crypto.util.Bytes;
import io.keyward.protocol.Problem;
import io.keyward.protocol.account.AccountInfo;
import io.keyward.protocol.account.CompleteAccountRequest;
import io.keyward.protocol.account.LoginFinishResponse;
import io.keyward.protocol.account.OrgInfo;
import io.keyward.protocol.account.PasswordChangeFinishRequest;
import io.keyward.protocol.account.PasswordChangeStartRequest;
import io.keyward.protocol.account.PasswordChangeStartResponse;
import io.keyward.protocol.channel.ChannelKeys;
import io.keyward.protocol.channel.SealedChannel;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A logged-in session: its sealed channel (DESIGN.md, "The sealed channel") and the keys derived from this
 * login's OPAQUE export key. Every {@link #call} takes the next sequence number, seals the JSON body under
 * the client-to-server key and opens the answer under the server-to-client key; a sequence number is never
 * used twice, even when a request fails in transit. Thread-safe: requests may run concurrently.
 *
 * <p>{@link #close()} logs out (best effort) and zeroizes the channel and export keys.
 */
public final class Session implements AutoCloseable {
    private final Transport transport;
    private final String org;
    private final String userId;
    private final String sessionId;
    private final Instant expiresAt;
    private final boolean registrationPending;
    private final Integer requestLimit;
    private final ChannelKeys keys;
    private final OrgInfo orgInfo;
    private final AtomicLong nextSeq = new AtomicLong(1);
    private volatile ExportKeys exportKeys;
    private volatile boolean ended;

    Session(Transport transport, String org, String userId, LoginFinishResponse login, ChannelKeys keys,
            ExportKeys exportKeys, OrgInfo orgInfo) {
        this.transport = transport;
        this.org = org;
        this.userId = userId;
        this.sessionId = login.sessionId();
        this.expiresAt = login.expiresAt();
        this.registrationPending = login.registrationPending();
        this.requestLimit = login.requestLimit();
        this.keys = keys;
        this.exportKeys = exportKeys;
        this.orgInfo = orgInfo;
    }

    public String sessionId() {
        return sessionId;
    }

    public String org() {
        return org;
    }

    public String userId() {
        return userId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** True for a registration session: it accepts exactly one request, {@link #complete}, then closes. */
    public boolean registrationPending() {
        return registrationPending;
    }

    /** The number of requests this session accepts, or null for no limit but expiry. */
    public Integer requestLimit() {
        return requestLimit;
    }

    /** The sequence number the next request will carry. */
    public long nextSeq() {
        return nextSeq.get();
    }

    /**
     * One sealed request. {@code bodyOrNull} is written as JSON (null: an empty plaintext, still sealed, so
     * that the request and its seq are authenticated, also for GET).
     *
     * @param responseType the JSON answer's type ({@code Void.class}: ignore the answer)
     * @throws KeywardApiException the server's problem (plain before the session was established, sealed after)
     */
    public <T> T call(String method, String pathAndQuery, Object bodyOrNull, Class<T> responseType) {
        Objects.requireNonNull(method, "method");
        if (pathAndQuery == null || !pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("the path must start with /");
        }
        byte[] plaintext = bodyOrNull == null ? new byte[0] : Transport.write(bodyOrNull);
        long seq = nextSeq.getAndIncrement();
        byte[] sealed;
        try {
            sealed = SealedChannel.sealRequest(keys, method, pathAndQuery, sessionId, seq, plaintext);
        } finally {
            Bytes.zeroize(plaintext);
        }
        HttpRequest request = transport.request(pathAndQuery)
                .header(SealedChannel.SESSION_HEADER, sessionId)
                .header(SealedChannel.SEQ_HEADER, Long.toString(seq))
                .header("Content-Type", SealedChannel.CONTENT_TYPE)
                .header("Accept", SealedChannel.CONTENT_TYPE)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(sealed))
                .build();
        HttpResponse<byte[]> response = transport.send(request);
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith(SealedChannel.CONTENT_TYPE)) {
            if (status >= 400) {
                throw Transport.problem(status, response.body());
            }
            throw new KeywardApiException(status, KeywardApiException.INVALID_RESPONSE,
                    "the server answered a sealed request without sealing the answer");
        }
        byte[] opened;
        try {
            opened = SealedChannel.openResponse(keys, status, sessionId, seq, response.body());
        } catch (AuthenticationFailedException e) {
            throw new KeywardApiException(status, KeywardApiException.INVALID_RESPONSE,
                    "the sealed answer does not authenticate", e);
        }
        try {
            if (status >= 400) {
                throw sealedProblem(status, opened);
            }
            if (opened.length == 0) {
                return null;
            }
            return Transport.read(opened, responseType);
        } finally {
            Bytes.zeroize(opened);
        }
    }

    private static KeywardApiException sealedProblem(int status, byte[] opened) {
        try {
            Problem problem = io.keyward.protocol.WireJson.mapper().readValue(opened, Problem.class);
            return new KeywardApiException(status, problem.code(), problem.detail() == null ? "" : problem.detail());
        } catch (java.io.IOException e) {
            return new KeywardApiException(status, "http_" + status, "the server answered " + status);
        }
    }

    /** {@code GET /v1/account}: who this session belongs to. */
    public AccountInfo account() {
        return call("GET", "/v1/account", null, AccountInfo.class);
    }

    /**
     * {@code POST /v1/account/complete} from the registration session: stores the key bundle (wrapped by the
     * caller, typically under {@link ExportKeys#keyBundleKey()}) and the first device's public keys. The
     * registration session closes afterwards; log in again for a request session.
     */
    public void complete(CompleteAccountRequest request) {
        call("POST", "/v1/account/complete", request, Void.class);
        ended = true;
    }

    /**
     * Changes the password inside this session: a fresh OPAQUE registration under {@code newPassword}, and the
     * key bundle rewrapped by {@code rewrapKeyBundle} under the new export keys, stored together atomically.
     * Every other session of the account ends; this one continues, and {@link #exportKeys()} then answers
     * with the new keys.
     *
     * @param rewrapKeyBundle given the new export keys, returns the key bundle wrapped under them (unwrap the
     *     old one with {@link #exportKeys()} first)
     */
    public void changePassword(char[] newPassword, Function<ExportKeys, byte[]> rewrapKeyBundle) {
        Objects.requireNonNull(rewrapKeyBundle, "rewrapKeyBundle");
        OpaqueClient opaque = KeywardClient.opaque(orgInfo);
        byte[] passwordBytes = KeywardClient.utf8(newPassword);
        RegistrationStart start = opaque.startRegistration(passwordBytes);
        Bytes.zeroize(passwordBytes);
        ExportKeys fresh = null;
        try {
            PasswordChangeStartResponse started = call("POST", "/v1/account/password/start",
                    new PasswordChangeStartRequest(Base64Url.encode(start.request().serialize())),
                    PasswordChangeStartResponse.class);
            RegistrationResponse response = RegistrationResponse.deserialize(opaque.suite(),
                    Base64Url.decode(started.registrationResponse(), "registration_response"));
            ClientRegistrationResult result = opaque.finishRegistration(start.state(), response, Identities.NONE);
            fresh = new ExportKeys(result.exportKey());
            Bytes.zeroize(result.exportKey());
            byte[] bundle = rewrapKeyBundle.apply(fresh);
            if (bundle == null) {
                throw new IllegalArgumentException("the rewrapped key bundle is missing");
            }
            call("POST", "/v1/account/password/finish",
                    new PasswordChangeFinishRequest(Base64Url.encode(result.record().serialize()), Base64Url.encode(bundle)),
                    Void.class);
            ExportKeys old = exportKeys;
            exportKeys = fresh;
            fresh = null;
            old.close();
        } catch (OpaqueException e) {
            throw new KeywardApiException(0, KeywardApiException.INVALID_RESPONSE,
                    "the server's registration response is not valid: " + e.getMessage(), e);
        } finally {
            start.state().destroy();
            if (fresh != null) {
                fresh.close();
            }
        }
    }

    /** {@code POST /v1/session/logout}: ends this session. */
    public void logout() {
        call("POST", "/v1/session/logout", null, Map.class);
        ended = true;
    }

    /** {@code POST /v1/session/logout-all}: ends every session of this account, this one included. */
    public void logoutAll() {
        call("POST", "/v1/session/logout-all", null, Map.class);
        ended = true;
    }

    /**
     * The keys derived from this login's OPAQUE export key (the same at every login until the password
     * changes). Valid until the session is closed; the export key itself is never exposed.
     */
    public ExportKeys exportKeys() {
        return exportKeys;
    }

    @Override
    public void close() {
        try {
            if (!ended && !registrationPending && (requestLimit == null || nextSeq.get() <= requestLimit)
                    && Instant.now().isBefore(expiresAt)) {
                logout();
            }
        } catch (KeywardApiException e) {
            // best effort: the session may already be gone
        } finally {
            ended = true;
            keys.close();
            exportKeys.close();
        }
    }

    @Override
    public String toString() {
        return "Session[" + org + "/" + userId + ", " + sessionId + "]";
    }
}
