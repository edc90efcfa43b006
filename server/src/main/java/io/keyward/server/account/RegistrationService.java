package io.keyward.server.account;

import io.keyward.crypto.opaque.InvalidMessageException;
import io.keyward.crypto.opaque.RegistrationRecord;
import io.keyward.crypto.opaque.RegistrationRequest;
import io.keyward.crypto.opaque.RegistrationResponse;
import io.keyward.crypto.sequester.SequesterKeys;
import io.keyward.crypto.util.Base64Url;
import io.keyward.protocol.ErrorCodes;
import io.keyward.protocol.account.RegisterFinishRequest;
import io.keyward.protocol.account.RegisterFinishResponse;
import io.keyward.protocol.account.RegisterStartRequest;
import io.keyward.protocol.account.RegisterStartResponse;
import io.keyward.server.audit.TransactionAudit;
import io.keyward.server.http.ApiException;
import io.keyward.server.store.Database;
import io.keyward.server.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;

/**
 * OPAQUE registration (RFC 9807 section 5) under the org's policy: open, by one-time invitation token,
 * or, before the org is bootstrapped, by its bootstrap token only, whose user becomes the owner and may
 * name the org's sequester authority key then and only then.
 *
 * <p>The OPRF key of an account is derived from the credential identifier
 * {@code UTF-8(lower-case user id)} ({@link #credentialIdentifier}), stable for the account's life.
 * A new account is {@code pending} until its first session completes it.
 */
public final class RegistrationService {
    /** The largest sequester authority key PEM accepted (an RSA-8192 SPKI PEM is about 1.5 KiB). */
    static final int MAX_SEQUESTER_KEY_CHARS = 8192;

    private final Database db;
    private final OrgService orgs;
    private final Clock clock;

    public RegistrationService(Database db, OrgService orgs, Clock clock) {
        this.db = db;
        this.orgs = orgs;
        this.clock = clock;
    }

    static byte[] credentialIdentifier(String userKey) {
        return userKey.getBytes(StandardCharsets.UTF_8);
    }

    public RegisterStartResponse start(String orgName, RegisterStartRequest request) {
        OrgRecord org = orgs.find(orgName);
        String userKey = Identifiers.userKey(request.userId());
        RegistrationRequest registration =
                OpaqueInput.registrationRequest(org.suite(), request.registrationRequest(), "registration_request");
        db.inTransaction(connection -> {
            checkPolicy(connection, org, request.token());
            if (Users.exists(connection, org.name(), userKey)) {
                throw userExists();
            }
            return null;
        });
        try {
            RegistrationResponse response = orgs.opaque(org).createRegistrationResponse(registration, credentialIdentifier(userKey));
            return new RegisterStartResponse(Base64Url.encode(response.serialize()));
        } catch (InvalidMessageException e) {
            throw OpaqueInput.invalidElement("registration_request");
        }
    }

    /** The account, pending; the role is {@code owner} for the bootstrap registration. */
    public RegisterFinishResponse finish(String orgName, RegisterFinishRequest request) {
        return finish(orgName, request, TransactionAudit.NONE);
    }

    /** As {@link #finish(String, RegisterFinishRequest)}, appending the audit entry in the transaction that creates the user. */
    public RegisterFinishResponse finish(String orgName, RegisterFinishRequest request, TransactionAudit audit) {
        OrgRecord org = orgs.find(orgName);
        String userKey = Identifiers.userKey(request.userId());
        RegistrationRecord record = OpaqueInput.registrationRecord(org.suite(), request.registrationRecord(), "registration_record");
        String sequesterKey = request.sequesterAuthorityKey();
        if (sequesterKey != null) {
            checkSequesterKey(sequesterKey);
        }
        try {
            return db.inTransaction(connection -> {
                String kind = checkPolicy(connection, org, request.token());
                boolean bootstrap = "bootstrap".equals(kind);
                if (sequesterKey != null && !bootstrap) {
                    throw new ApiException(400, ErrorCodes.SEQUESTER_KEY_NOT_ALLOWED,
                            "a sequester authority key can be named only by the org's bootstrap registration");
                }
                if (Users.exists(connection, org.name(), userKey)) {
                    throw userExists();
                }
                if (kind != null && !orgs.consumeToken(connection, org.name(), request.token())) {
                    throw tokenInvalid();
                }
                String role = bootstrap ? "owner" : "member";
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users (org, user_key, user_id,"
                        + " record, status, role, key_bundle, created_ms, completed_ms) VALUES (?, ?, ?, ?, 'pending', ?, NULL, ?, NULL)")) {
                    insert.setString(1, org.name());
                    insert.setString(2, userKey);
                    insert.setString(3, request.userId());
                    insert.setBytes(4, record.serialize());
                    insert.setString(5, role);
                    insert.setLong(6, clock.millis());
                    insert.executeUpdate();
                }
                if (bootstrap) {
                    try (PreparedStatement update = connection.prepareStatement("UPDATE orgs SET bootstrapped = 1,"
                            + " sequester_authority_key = ? WHERE name = ? AND bootstrapped = 0")) {
                        update.setString(1, sequesterKey);
                        update.setString(2, org.name());
                        if (update.executeUpdate() != 1) {
                            throw tokenInvalid();
                        }
                    }
                }
                audit.success(connection);
                return new RegisterFinishResponse(request.userId(), "pending", role);
            });
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.DUPLICATE_KEY) {
                throw userExists(); // a concurrent registration of the same id won
            }
            throw e;
        }
    }

    /**
     * Checks the token against the org's policy; returns the token's kind when one is to be used up, or
     * null for open registration without a token.
     */
    private String checkPolicy(Connection connection, OrgRecord org, String token) throws SQLException {
        if (!org.bootstrapped()) {
            if (token == null) {
                throw new ApiException(403, ErrorCodes.BOOTSTRAP_REQUIRED,
                        "this org is not bootstrapped yet: only its bootstrap token registers");
            }
            if (!"bootstrap".equals(orgs.tokenKind(connection, org.name(), token).orElse(null))) {
                throw tokenInvalid();
            }
            return "bootstrap";
        }
        if (token == null) {
            if (org.openRegistration()) {
                return null;
            }
            throw new ApiException(403, ErrorCodes.INVITATION_REQUIRED, "this org registers by invitation token only");
        }
        String kind = orgs.tokenKind(connection, org.name(), token).orElseThrow(RegistrationService::tokenInvalid);
        if (!kind.equals("invitation")) {
            throw tokenInvalid();
        }
        return kind;
    }

    private static void checkSequesterKey(String pem) {
        if (pem.length() > MAX_SEQUESTER_KEY_CHARS) {
            throw new ApiException(400, ErrorCodes.SEQUESTER_KEY_INVALID, "the sequester authority key is too long");
        }
        if (!pem.strip().startsWith("-----BEGIN PUBLIC KEY-----")) {
            throw new ApiException(400, ErrorCodes.SEQUESTER_KEY_INVALID,
                    "the sequester authority key must be an SPKI PEM (-----BEGIN PUBLIC KEY-----)");
        }
        try {
            SequesterKeys.readPublicKeyPem(pem);
        } catch (RuntimeException e) {
            throw new ApiException(400, ErrorCodes.SEQUESTER_KEY_INVALID,
                    "the sequester authority key must be an RSA public key PEM of at least " + SequesterKeys.MIN_BITS + " bits");
        }
    }

    private static ApiException userExists() {
        return new ApiException(409, ErrorCodes.USER_EXISTS, "this user id is taken in this org");
    }

    private static ApiException tokenInvalid() {
        return new ApiException(403, ErrorCodes.TOKEN_INVALID, "the token is unknown, used, expired or for another org");
    }
}
