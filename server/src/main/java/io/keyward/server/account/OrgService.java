package io.keyward.server.account;

import io.keyward.crypto.ksf.IdentityKsf;
import io.keyward.crypto.ksf.KeyStretching;
import io.keyward.crypto.opaque.OpaqueServer;
import io.keyward.crypto.opaque.OpaqueSuite;
import io.keyward.crypto.opaque.RegistrationRecord;
import io.keyward.crypto.opaque.ServerSetup;
import io.keyward.crypto.util.Base64Url;
import io.keyward.crypto.util.Bytes;
import io.keyward.protocol.ErrorCodes;
import io.keyward.protocol.account.CreateOrgRequest;
import io.keyward.protocol.account.CreateOrgResponse;
import io.keyward.protocol.account.InvitationResponse;
import io.keyward.protocol.account.OrgInfo;
import io.keyward.server.http.ApiException;
import io.keyward.server.lock.RootLock;
import io.keyward.server.store.Database;
import io.keyward.server.store.StoreException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Organizations: creation with their OPAQUE server setup (stored wrapped by the root lock, AAD
 * {@code "keyward/v1/opaque-server-setup\n" || org}) and a stored fake registration record (RFC 9807
 * section 6.3.2.2), so every node answers logins of unknown users from the same record; the published
 * {@link OrgInfo}; one-time bootstrap and invitation tokens.
 *
 * <p>Unwrapped setups live only in memory, as ready {@link OpaqueServer}s in a bounded cache with a
 * time-to-live, so that the root lock (possibly an HSM or KMS) is not asked per login.
 */
public final class OrgService {
    public static final String DEFAULT_ORG = "default";
    public static final String DEFAULT_NEW_ORG_KSF = "argon2id(m=65536,t=3,p=4)";
    static final Duration INVITATION_TTL = Duration.ofDays(7);
    private static final Duration CACHE_TTL = Duration.ofMinutes(10);
    private static final int CACHE_SIZE = 256;

    private final Database db;
    private final RootLock rootLock;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private record Cached(OpaqueServer server, long loadedAt) {}

    private final boolean allowIdentityKsf;

    /**
     * @param allowIdentityKsf whether {@code POST /v1/admin/orgs} may choose the {@code identity}
     *     key-stretching function (no stretching: an offline guess against a stolen record costs one
     *     hash); off unless {@code accounts.allow_identity_ksf} is set, for benchmarks and tests
     */
    public OrgService(Database db, RootLock rootLock, Clock clock, boolean allowIdentityKsf) {
        this.db = db;
        this.rootLock = rootLock;
        this.clock = clock;
        this.allowIdentityKsf = allowIdentityKsf;
    }

    /**
     * Creates the {@code default} org (open registration, already bootstrapped) when no org exists yet;
     * concurrent first starts of several nodes create it once.
     */
    public void ensureDefaultOrg(String ksf) {
        boolean none = db.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM orgs LIMIT 1");
                 ResultSet row = select.executeQuery()) {
                return !row.next();
            }
        });
        if (none) {
            insert(DEFAULT_ORG, OpaqueSuite.RISTRETTO255_SHA512, "open", KeyStretching.parse(ksf).describe(), true, null, true);
        }
    }

    /** {@code POST /v1/admin/orgs}. */
    public CreateOrgResponse create(CreateOrgRequest request, String serverUrl) {
        String name = Identifiers.org(request.org());
        OpaqueSuite suite;
        try {
            suite = OpaqueSuite.fromId(request.suite() == null ? OpaqueSuite.RISTRETTO255_SHA512.id() : request.suite());
        } catch (RuntimeException e) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, "suite must be ristretto255-sha512 or p256-sha256");
        }
        String registration = request.registration() == null ? "invitation" : request.registration();
        if (!registration.equals("open") && !registration.equals("invitation")) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, "registration must be open or invitation");
        }
        KeyStretching parsed;
        try {
            parsed = KeyStretching.parse(request.ksf() == null ? DEFAULT_NEW_ORG_KSF : request.ksf());
        } catch (RuntimeException e) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD,
                    "ksf must be argon2id(m=..,t=..,p=..) or scrypt(N=..,r=..,p=..) with valid parameters");
        }
        if (parsed instanceof IdentityKsf && !allowIdentityKsf) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, "ksf identity does no key stretching: it is refused"
                    + " unless the node sets accounts.allow_identity_ksf (benchmarks and tests only)");
        }
        String ksf = parsed.describe();
        String token = insert(name, suite, registration, ksf, false, Tokens.generate(Tokens.BOOTSTRAP_PREFIX), false);
        String url = "keyward://bootstrap?server=" + URLEncoder.encode(serverUrl, StandardCharsets.UTF_8)
                + "&org=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return new CreateOrgResponse(name, suite.id(), registration, ksf, token, url);
    }

    private String insert(String name, OpaqueSuite suite, String registration, String ksf, boolean bootstrapped,
            String bootstrapToken, boolean ignoreExisting) {
        ServerSetup setup = ServerSetup.generate(suite, random);
        byte[] serialized = setup.serialize();
        byte[] wrapped;
        try {
            wrapped = rootLock.wrap(serialized, setupAad(name));
        } finally {
            Bytes.zeroize(serialized);
        }
        byte[] fake = new OpaqueServer(setup, new byte[0], random).createFakeRecord(random).serialize();
        long now = clock.millis();
        try {
            db.inTransaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO orgs (name, suite, registration,"
                        + " ksf, context, server_public_key, setup_wrapped, root_key_id, fake_record, bootstrapped,"
                        + " sequester_authority_key, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)"
                        + (ignoreExisting ? " ON CONFLICT (name) DO NOTHING" : ""))) {
                    insert.setString(1, name);
                    insert.setString(2, suite.id());
                    insert.setString(3, registration);
                    insert.setString(4, ksf);
                    insert.setBytes(5, new byte[0]);
                    insert.setBytes(6, setup.serverPublicKey());
                    insert.setBytes(7, wrapped);
                    insert.setString(8, rootLock.keyId());
                    insert.setBytes(9, fake);
                    insert.setInt(10, bootstrapped ? 1 : 0);
                    insert.setLong(11, now);
                    if (insert.executeUpdate() == 0) {
                        return null;
                    }
                }
                if (bootstrapToken != null) {
                    insertToken(connection, name, "bootstrap", bootstrapToken, null);
                }
                return null;
            });
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.DUPLICATE_KEY) {
                throw new ApiException(409, ErrorCodes.ORG_EXISTS, "an org named " + name + " exists");
            }
            throw e;
        }
        return bootstrapToken;
    }

    /** An invitation token for {@code org} (one use, {@link #INVITATION_TTL}). */
    public InvitationResponse invite(String org) {
        find(org);
        String token = Tokens.generate(Tokens.INVITATION_PREFIX);
        Instant expires = clock.instant().plus(INVITATION_TTL);
        db.inTransaction(connection -> {
            insertToken(connection, org, "invitation", token, expires.toEpochMilli());
            return null;
        });
        return new InvitationResponse(org, token, expires);
    }

    private void insertToken(Connection connection, String org, String kind, String token, Long expiresMs) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO org_tokens (token_hash, org, kind, expires_ms, created_ms) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, Tokens.hash(token));
            insert.setString(2, org);
            insert.setString(3, kind);
            if (expiresMs == null) {
                insert.setNull(4, java.sql.Types.BIGINT);
            } else {
                insert.setLong(4, expiresMs);
            }
            insert.setLong(5, clock.millis());
            insert.executeUpdate();
        }
    }

    /** The kind of a usable token of {@code org} ({@code bootstrap} or {@code invitation}), if it is one. */
    Optional<String> tokenKind(Connection connection, String org, String token) throws SQLException {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT kind, expires_ms FROM org_tokens WHERE token_hash = ? AND org = ?")) {
            select.setString(1, Tokens.hash(token));
            select.setString(2, org);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long expires = row.getLong(2);
                if (!row.wasNull() && expires <= clock.millis()) {
                    return Optional.empty();
                }
                return Optional.of(row.getString(1));
            }
        }
    }

    /** Uses up a token; false when a concurrent registration used it first. */
    boolean consumeToken(Connection connection, String org, String token) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM org_tokens WHERE token_hash = ? AND org = ?")) {
            delete.setString(1, Tokens.hash(token));
            delete.setString(2, org);
            return delete.executeUpdate() == 1;
        }
    }

    /** {@code GET /v1/orgs/{org}}. */
    public OrgInfo info(String org) {
        OrgRecord record = find(org);
        return new OrgInfo(record.name(), record.suite().id(), Base64Url.encode(record.serverPublicKey()), record.ksf(),
                Base64Url.encode(record.context()), record.registration(), record.bootstrapped());
    }

    /** The org; 404 {@code org_not_found} when there is none (or the name is malformed). */
    OrgRecord find(String org) {
        if (!Identifiers.validOrg(org)) {
            throw new ApiException(404, ErrorCodes.ORG_NOT_FOUND, "no such org");
        }
        return db.inTransaction(connection -> find(connection, org))
                .orElseThrow(() -> new ApiException(404, ErrorCodes.ORG_NOT_FOUND, "no such org"));
    }

    Optional<OrgRecord> find(Connection connection, String org) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT name, suite, registration, ksf, context,"
                + " server_public_key, fake_record, bootstrapped, sequester_authority_key FROM orgs WHERE name = ?")) {
            select.setString(1, org);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new OrgRecord(row.getString(1), OpaqueSuite.fromId(row.getString(2)), row.getString(3),
                        row.getString(4), row.getBytes(5), row.getBytes(6), row.getBytes(7), row.getInt(8) == 1,
                        row.getString(9)));
            }
        }
    }

    /** The org's OPAQUE server, unwrapping its setup at most once per cache lifetime. */
    OpaqueServer opaque(OrgRecord org) {
        long now = System.nanoTime();
        synchronized (cache) {
            Cached cached = cache.get(org.name());
            if (cached != null && now - cached.loadedAt() < CACHE_TTL.toNanos()) {
                return cached.server();
            }
        }
        byte[] wrapped = db.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT setup_wrapped FROM orgs WHERE name = ?")) {
                select.setString(1, org.name());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new ApiException(404, ErrorCodes.ORG_NOT_FOUND, "no such org");
                    }
                    return row.getBytes(1);
                }
            }
        });
        byte[] serialized = rootLock.unwrap(wrapped, setupAad(org.name()));
        OpaqueServer server;
        try {
            server = new OpaqueServer(ServerSetup.deserialize(serialized), org.context(), random);
        } finally {
            Bytes.zeroize(serialized);
        }
        synchronized (cache) {
            cache.put(org.name(), new Cached(server, now));
        }
        return server;
    }

    RegistrationRecord fakeRecord(OrgRecord org) {
        return RegistrationRecord.deserialize(org.suite(), org.fakeRecord());
    }

    private static byte[] setupAad(String org) {
        return ("keyward/v1/opaque-server-setup\n" + org).getBytes(StandardCharsets.UTF_8);
    }
}
