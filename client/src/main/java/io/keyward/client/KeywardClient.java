package io.keyward.client;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.ksf.KeyStretching;
import io.keyward.crypto.opaque.ClientAuthenticationException;
import io.keyward.crypto.opaque.ClientLoginResult;
import io.keyward.crypto.opaque.ClientRegistrationResult;
import io.keyward.crypto.opaque.EnvelopeRecoveryException;
import io.keyward.crypto.opaque.Identities;
import io.keyward.crypto.opaque.KE2;
import io.keyward.crypto.opaque.LoginStart;
import io.keyward.crypto.opaque.OpaqueClient;
import io.keyward.crypto.opaque.OpaqueException;
import io.keyward.crypto.opaque.OpaqueSuite;
import io.keyward.crypto.opaque.RegistrationResponse;
import io.keyward.crypto.opaque.RegistrationStart;
import io.keyward.crypto.opaque.ServerAuthenticationException;
import io.keyward.crypto.util.Base64Url;
import io.keyward.crypto.util.Bytes;
import io.keyward.protocol.ErrorCodes;
import io.keyward.protocol.account.CreateOrgRequest;
import io.keyward.protocol.account.CreateOrgResponse;
import io.keyward.protocol.account.InvitationResponse;
import io.keyward.protocol.account.LoginFinishRequest;
import io.keyward.protocol.account.LoginFinishResponse;
import io.keyward.protocol.account.LoginStartRequest;
import io.keyward.protocol.account.LoginStartResponse;
import io.keyward.protocol.account.OrgInfo;
import io.keyward.protocol.account.RegisterFinishRequest;
import io.keyward.protocol.account.RegisterFinishResponse;
import io.keyward.protocol.account.RegisterStartRequest;
import io.keyward.protocol.account.RegisterStartResponse;
import io.keyward.protocol.channel.ChannelKeys;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;

/**
 * The Keyward SDK entry point: one server, reached over HTTPS with TLS 1.3 only and trusted as its
 * {@link ServerTrust} says. Registers and logs in with OPAQUE (RFC 9807), so the password never leaves
 * this process; a login gives a {@link Session} whose requests travel sealed (DESIGN.md, "The sealed channel").
 *
 * <p>Thread-safe. Passwords are taken as {@code char[]} and the UTF-8 copies made from them are
 * zeroized when the exchange ends; the caller clears its own array.
 */
public final class KeywardClient implements AutoCloseable {
    private final Transport transport;
    private final SecureRandom random = new SecureRandom();
    /** An org's suite, key, ksf and context never change, so registration and login fetch them once. */
    private final java.util.concurrent.ConcurrentMap<String, OrgInfo> orgParameters = new java.util.concurrent.ConcurrentHashMap<>();

    private KeywardClient(Transport transport) {
        this.transport = transport;
    }

    /**
     * Connects (one request to {@code GET /v1/health}, so that a wrong address or an untrusted
     * certificate fails here, and {@link #serverFingerprint()} is known).
     *
     * @throws KeywardApiException {@code connection_failed} or {@code server_untrusted}
     */
    public static KeywardClient connect(URI server, ServerTrust trust) {
        Transport transport = new Transport(server, trust);
        try {
            transport.json("GET", "/v1/health", null, null, Map.class);
            return new KeywardClient(transport);
        } catch (RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    /** The server's URL as given. */
    public URI server() {
        return transport.base();
    }

    /** SHA-256 of the server certificate seen, as colon-separated upper-case hex (as the server prints it). */
    public String serverFingerprint() {
        return transport.lastFingerprint();
    }

    /** {@code GET /v1/orgs/{org}}: the org's suite, OPAQUE public key, key-stretching function and policy. */
    public OrgInfo org(String org) {
        OrgInfo info = transport.json("GET", "/v1/orgs/" + segment(org), null, null, OrgInfo.class);
        orgParameters.put(org, info);
        return info;
    }

    private OrgInfo parameters(String org) {
        OrgInfo cached = orgParameters.get(org);
        return cached != null ? cached : org(org);
    }

    /**
     * Registers {@code userId} in {@code org} (register/start + register/finish); the key-stretching
     * function is the org's. The account stays pending until its first session calls
     * {@link Session#complete}.
     *
     * @param tokenOrNull an invitation token where the org registers by invitation
     */
    public RegistrationResult register(String org, String userId, char[] password, String tokenOrNull) {
        return register(org, userId, password, tokenOrNull, null);
    }

    /**
     * Registers an org's first user with its one-time bootstrap token; that user becomes the org's owner.
     *
     * @param sequesterAuthorityKeyPemOrNull the org's sequester authority public key (RSA SPKI PEM, at least
     *     2048 bits): named now or never
     */
    public RegistrationResult bootstrap(String org, String userId, char[] password, String bootstrapToken,
            String sequesterAuthorityKeyPemOrNull) {
        if (bootstrapToken == null || bootstrapToken.isBlank()) {
            throw new IllegalArgumentException("bootstrap needs the org's bootstrap token");
        }
        return register(org, userId, password, bootstrapToken, sequesterAuthorityKeyPemOrNull);
    }

    private RegistrationResult register(String org, String userId, char[] password, String token, String sequesterKey) {
        OrgInfo info = parameters(org);
        OpaqueClient opaque = opaque(info);
        byte[] passwordBytes = utf8(password);
        RegistrationStart start = opaque.startRegistration(passwordBytes);
        Bytes.zeroize(passwordBytes);
        try {
            String base = "/v1/orgs/" + segment(org);
            RegisterStartResponse started = transport.json("POST", base + "/register/start",
                    new RegisterStartRequest(userId, Base64Url.encode(start.request().serialize()), token), null,
                    RegisterStartResponse.class);
            RegistrationResponse response = RegistrationResponse.deserialize(opaque.suite(),
                    decode(started.registrationResponse(), "registration_response"));
            ClientRegistrationResult result = opaque.finishRegistration(start.state(), response, Identities.NONE);
            Bytes.zeroize(result.exportKey());
            RegisterFinishResponse finished = transport.json("POST", base + "/register/finish",
                    new RegisterFinishRequest(userId, Base64Url.encode(result.record().serialize()), token, sequesterKey),
                    null, RegisterFinishResponse.class);
            return new RegistrationResult(org, finished.userId(), finished.status(), finished.role());
        } catch (OpaqueException e) {
            throw new KeywardApiException(0, KeywardApiException.INVALID_RESPONSE,
                    "the server's registration response is not valid: " + e.getMessage(), e);
        } finally {
            start.state().destroy();
        }
    }

    /**
     * Sets a new password with the recovery key instead of the old password (docs/secrets.md, "Recovery"):
     * a fresh OPAQUE registration under {@code newPassword}, the secret-storage key rewrapped under the new
     * export key, both accepted by the server only with a proof of {@code recoveryKey}. Every session of the
     * account ends; log in with the new password afterwards.
     *
     * @param recoveryKey the secret-storage key whose recovery verifier the account holds (its default key)
     */
    public void recover(String org, String userId, char[] newPassword, io.keyward.crypto.ssss.SecretStorageKey recoveryKey) {
        OrgInfo info = parameters(org);
        OpaqueClient opaque = opaque(info);
        byte[] passwordBytes = utf8(newPassword);
        RegistrationStart start = opaque.startRegistration(passwordBytes);
        Bytes.zeroize(passwordBytes);
        try {
            String base = "/v1/orgs/" + segment(org);
            com.fasterxml.jackson.databind.JsonNode started = transport.json("POST", base + "/recovery/start",
                    java.util.Map.of("user_id", userId, "registration_request", Base64Url.encode(start.request().serialize())),
                    null, com.fasterxml.jackson.databind.JsonNode.class);
            RegistrationResponse response = RegistrationResponse.deserialize(opaque.suite(),
                    decode(started.path("registration_response").asText(), "registration_response"));
            ClientRegistrationResult result = opaque.finishRegistration(start.state(), response, Identities.NONE);
            byte[] record = result.record().serialize();
            byte[] bundle;
            try (ExportKeys fresh = new ExportKeys(result.exportKey())) {
                Bytes.zeroize(result.exportKey());
                byte[] bundleKey = fresh.keyBundleKey();
                try {
                    bundle = io.keyward.client.secrets.KeyBundle.wrap(bundleKey, started.path("key_id").asText(), recoveryKey);
                } finally {
                    Bytes.zeroize(bundleKey);
                }
            }
            String recoveryId = started.path("recovery_id").asText();
            byte[] signature = io.keyward.client.secrets.RecoveryProof.sign(recoveryKey, org,
                    userId.toLowerCase(java.util.Locale.ROOT), recoveryId, decode(started.path("challenge").asText(), "challenge"),
                    record, bundle);
            transport.json("POST", base + "/recovery/finish", java.util.Map.of("recovery_id", recoveryId,
                    "registration_record", Base64Url.encode(record), "key_bundle", Base64Url.encode(bundle),
                    "signature", Base64Url.encode(signature)), null, com.fasterxml.jackson.databind.JsonNode.class);
        } catch (OpaqueException e) {
            throw new KeywardApiException(0, KeywardApiException.INVALID_RESPONSE,
                    "the server's registration response is not valid: " + e.getMessage(), e);
        } finally {
            start.state().destroy();
        }
    }

    /** Logs in with the server's session limits. */
    public Session login(String org, String userId, char[] password) {
        return login(org, userId, password, LoginOptions.DEFAULT);
    }

    /**
     * Logs in (login/start + login/finish) and opens the sealed channel. A wrong password and an unknown
     * user fail alike: {@link KeywardApiException} with code {@code login_failed} (401); too many failures:
     * {@code rate_limited} (429).
     */
    public Session login(String org, String userId, char[] password, LoginOptions options) {
        OrgInfo info = parameters(org);
        OpaqueClient opaque = opaque(info);
        byte[] passwordBytes = utf8(password);
        LoginStart start = opaque.startLogin(passwordBytes);
        Bytes.zeroize(passwordBytes);
        String base = "/v1/orgs/" + segment(org);
        try {
            LoginStartResponse started = transport.json("POST", base + "/login/start",
                    new LoginStartRequest(userId, Base64Url.encode(start.ke1().serialize())), null, LoginStartResponse.class);
            KE2 ke2 = KE2.deserialize(opaque.suite(), decode(started.ke2(), "ke2"));
            ClientLoginResult result;
            try {
                result = opaque.finishLogin(start.state(), ke2, Identities.NONE);
            } catch (EnvelopeRecoveryException | ServerAuthenticationException e) {
                // Wrong password (or a forged KE2). Tell the server, with a KE3 that cannot verify, so that it
                // records the failure and ends the pending login, and answer as it answers.
                byte[] junk = new byte[opaque.suite().hashLength()];
                random.nextBytes(junk);
                transport.json("POST", base + "/login/finish",
                        new LoginFinishRequest(started.loginId(), Base64Url.encode(junk), options.requestLimit()), null,
                        LoginFinishResponse.class);
                throw new KeywardApiException(401, ErrorCodes.LOGIN_FAILED, "the user id or password is wrong", e);
            }
            byte[] sessionKey = result.sessionKey();
            byte[] exportKey = result.exportKey();
            try {
                byte[] published = decode(info.serverPublicKey(), "server_public_key");
                if (!Bytes.constantTimeEquals(published, result.serverPublicKey())) {
                    throw new KeywardApiException(0, KeywardApiException.SERVER_AUTHENTICATION_FAILED,
                            "the server authenticated with a key other than the org's published OPAQUE key");
                }
                LoginFinishResponse finished = transport.json("POST", base + "/login/finish",
                        new LoginFinishRequest(started.loginId(), Base64Url.encode(result.ke3().serialize()),
                                options.requestLimit()), null, LoginFinishResponse.class);
                return new Session(transport, org, userId, finished, ChannelKeys.derive(sessionKey),
                        new ExportKeys(exportKey), info);
            } finally {
                Bytes.zeroize(sessionKey, exportKey);
            }
        } catch (ClientAuthenticationException e) {
            throw new KeywardApiException(401, ErrorCodes.LOGIN_FAILED, "the user id or password is wrong", e);
        } catch (CryptoException e) {
            throw new KeywardApiException(0, KeywardApiException.INVALID_RESPONSE,
                    "the server's login response is not valid: " + e.getMessage(), e);
        } finally {
            start.state().destroy();
        }
    }

    /** {@code POST /v1/admin/orgs} with the node's admin token. */
    public CreateOrgResponse createOrg(String adminToken, CreateOrgRequest request) {
        return transport.json("POST", "/v1/admin/orgs", request, adminToken, CreateOrgResponse.class);
    }

    /** {@code POST /v1/admin/orgs/{org}/invitations}: a one-time invitation token, issued by an admin. */
    public String createInvitation(String adminToken, String org) {
        return createInvitationDetails(adminToken, org).token();
    }

    /** As {@link #createInvitation}, with the token's expiry. */
    public InvitationResponse createInvitationDetails(String adminToken, String org) {
        return transport.json("POST", "/v1/admin/orgs/" + segment(org) + "/invitations", null, adminToken,
                InvitationResponse.class);
    }

    /**
     * A plain JSON call without a request body, e.g. {@code GET /v1/admin/orgs/{org}/audit} with the admin
     * token, or a public {@code GET} with a null bearer; a problem answer is a {@link KeywardApiException}.
     */
    public <T> T call(String method, String pathAndQuery, String bearerOrNull, Class<T> responseType) {
        return transport.json(method, pathAndQuery, null, bearerOrNull, responseType);
    }

    static OpaqueClient opaque(OrgInfo info) {
        try {
            OpaqueSuite suite = OpaqueSuite.fromId(info.suite());
            KeyStretching ksf = KeyStretching.parse(info.ksf());
            byte[] context = info.context() == null ? new byte[0] : Base64Url.decode(info.context(), "context");
            return new OpaqueClient(suite, ksf, context, new SecureRandom());
        } catch (RuntimeException e) {
            throw new KeywardApiException(0, KeywardApiException.INVALID_RESPONSE,
                    "the org's published parameters are not usable: " + e.getMessage(), e);
        }
    }

    static byte[] utf8(char[] password) {
        if (password == null) {
            throw new IllegalArgumentException("password is missing");
        }
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }

    private static byte[] decode(String value, String field) {
        return Base64Url.decode(value, field);
    }

    static String segment(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a name in the path is missing");
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        transport.close();
    }
}
