package io.keyward.server.account;

import io.keyward.crypto.opaque.InvalidMessageException;
import io.keyward.crypto.opaque.RegistrationRecord;
import io.keyward.crypto.opaque.RegistrationRequest;
import io.keyward.crypto.opaque.RegistrationResponse;
import io.keyward.crypto.util.Base64Url;
import io.keyward.protocol.ErrorCodes;
import io.keyward.protocol.account.AccountInfo;
import io.keyward.protocol.account.CompleteAccountRequest;
import io.keyward.protocol.account.DeviceKeys;
import io.keyward.protocol.account.PasswordChangeFinishRequest;
import io.keyward.protocol.account.PasswordChangeStartRequest;
import io.keyward.protocol.account.PasswordChangeStartResponse;
import io.keyward.server.audit.TransactionAudit;
import io.keyward.server.http.ApiException;
import io.keyward.server.session.PendingLogins;
import io.keyward.server.session.RandomIds;
import io.keyward.server.session.SessionRecord;
import io.keyward.server.session.SessionService;
import io.keyward.server.store.Database;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a session does with its own account: read it, complete it (key bundle and first device), change
 * its password. The key bundle and device keys are opaque to the server: it checks only their encoding
 * and sizes.
 */
public final class AccountService {
    /** The largest wrapped key bundle accepted. */
    public static final int MAX_KEY_BUNDLE_BYTES = 64 * 1024;
    static final int MAX_DEVICE_NAME = 100;

    private final Database db;
    private final OrgService orgs;
    private final SessionService sessions;
    private final PendingLogins pending;
    private final Clock clock;

    public AccountService(Database db, OrgService orgs, SessionService sessions, PendingLogins pending, Clock clock) {
        this.db = db;
        this.orgs = orgs;
        this.sessions = sessions;
        this.pending = pending;
        this.clock = clock;
    }

    UserRecord user(SessionRecord session) {
        return db.inTransaction(connection -> Users.find(connection, session.org(), session.userKey()))
                .orElseThrow(() -> new ApiException(401, ErrorCodes.SESSION_INVALID, "the session's account no longer exists"));
    }

    public AccountInfo info(SessionRecord session) {
        UserRecord user = user(session);
        return new AccountInfo(session.org(), user.userId(), user.status(), user.role(),
                user.keyBundle() == null ? null : Base64Url.encode(user.keyBundle()),
                new AccountInfo.SessionInfo(session.sessionId(), session.expiresAt(), session.requestsRemaining()));
    }

    /** Stores the key bundle and first device, activates the account and closes the registration session. */
    public Map<String, Object> complete(SessionRecord session, CompleteAccountRequest request) {
        return complete(session, request, TransactionAudit.NONE);
    }

    /** As {@link #complete(SessionRecord, CompleteAccountRequest)}, appending the audit entry in its transaction. */
    public Map<String, Object> complete(SessionRecord session, CompleteAccountRequest request, TransactionAudit audit) {
        byte[] bundle = keyBundle(request.keyBundle());
        DeviceKeys device = request.device();
        if (device == null) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, "field device is missing");
        }
        String name = device.name() == null ? "" : device.name().strip();
        if (name.isEmpty() || name.length() > MAX_DEVICE_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, "device.name must be 1-" + MAX_DEVICE_NAME + " printable characters");
        }
        byte[] x25519 = key32(device.x25519PublicKey(), "device.x25519_public_key");
        byte[] ed25519 = key32(device.ed25519PublicKey(), "device.ed25519_public_key");
        String deviceId = RandomIds.next();
        db.inTransaction(connection -> {
            long now = clock.millis();
            try (PreparedStatement update = connection.prepareStatement("UPDATE users SET status = 'active', key_bundle = ?,"
                    + " completed_ms = ? WHERE org = ? AND user_key = ? AND status = 'pending'")) {
                update.setBytes(1, bundle);
                update.setLong(2, now);
                update.setString(3, session.org());
                update.setString(4, session.userKey());
                if (update.executeUpdate() != 1) {
                    throw new ApiException(409, ErrorCodes.ACCOUNT_ALREADY_COMPLETE, "this account is already complete");
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO devices (device_id, org, user_key, name,"
                    + " x25519_public, ed25519_public, verified, created_ms) VALUES (?, ?, ?, ?, ?, ?, 1, ?)")) {
                insert.setString(1, deviceId);
                insert.setString(2, session.org());
                insert.setString(3, session.userKey());
                insert.setString(4, name);
                insert.setBytes(5, x25519);
                insert.setBytes(6, ed25519);
                insert.setLong(7, now);
                insert.executeUpdate();
            }
            sessions.end(connection, session.sessionId());
            audit.success(connection);
            return null;
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "active");
        answer.put("device_id", deviceId);
        return answer;
    }

    /** RFC 9807 CreateRegistrationResponse for the account's own credential identifier. */
    public PasswordChangeStartResponse passwordStart(SessionRecord session, PasswordChangeStartRequest request) {
        OrgRecord org = orgs.find(session.org());
        RegistrationRequest registration =
                OpaqueInput.registrationRequest(org.suite(), request.registrationRequest(), "registration_request");
        user(session);
        try {
            RegistrationResponse response = orgs.opaque(org)
                    .createRegistrationResponse(registration, RegistrationService.credentialIdentifier(session.userKey()));
            return new PasswordChangeStartResponse(Base64Url.encode(response.serialize()));
        } catch (InvalidMessageException e) {
            throw OpaqueInput.invalidElement("registration_request");
        }
    }

    /**
     * Replaces the registration record and the key bundle in one transaction, and ends every other session
     * and every pending login of the account (those were computed from the old record).
     */
    public Map<String, Object> passwordFinish(SessionRecord session, PasswordChangeFinishRequest request) {
        return passwordFinish(session, request, TransactionAudit.NONE);
    }

    /** As {@link #passwordFinish(SessionRecord, PasswordChangeFinishRequest)}, appending the audit entry in its transaction. */
    public Map<String, Object> passwordFinish(SessionRecord session, PasswordChangeFinishRequest request,
            TransactionAudit audit) {
        OrgRecord org = orgs.find(session.org());
        RegistrationRecord record = OpaqueInput.registrationRecord(org.suite(), request.registrationRecord(), "registration_record");
        byte[] bundle = keyBundle(request.keyBundle());
        int ended = db.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE users SET record = ?, key_bundle = ? WHERE org = ? AND user_key = ? AND status = 'active'")) {
                update.setBytes(1, record.serialize());
                update.setBytes(2, bundle);
                update.setString(3, session.org());
                update.setString(4, session.userKey());
                if (update.executeUpdate() != 1) {
                    throw new ApiException(409, ErrorCodes.ACCOUNT_PENDING, "complete the account before changing its password");
                }
            }
            pending.dropAll(connection, session.org(), session.userKey());
            int count = sessions.endAll(connection, session.org(), session.userKey(), session.sessionId());
            audit.success(connection);
            return count;
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "changed");
        answer.put("ended_sessions", ended);
        return answer;
    }

    /** Only an org owner invites. */
    public void requireOwner(SessionRecord session) {
        if (!user(session).role().equals("owner")) {
            throw new ApiException(403, ErrorCodes.FORBIDDEN, "only an owner of the org issues invitations");
        }
    }

    private static byte[] keyBundle(String value) {
        if (value == null) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, "field key_bundle is missing");
        }
        if (value.length() > (MAX_KEY_BUNDLE_BYTES * 4 + 2) / 3) {
            throw new ApiException(400, ErrorCodes.INVALID_LENGTH, "key_bundle must be at most " + MAX_KEY_BUNDLE_BYTES + " bytes");
        }
        byte[] bundle = OpaqueInput.base64(value, "key_bundle");
        if (bundle.length == 0 || bundle.length > MAX_KEY_BUNDLE_BYTES) {
            throw new ApiException(400, ErrorCodes.INVALID_LENGTH, "key_bundle must be 1-" + MAX_KEY_BUNDLE_BYTES + " bytes");
        }
        return bundle;
    }

    private static byte[] key32(String value, String field) {
        byte[] key = OpaqueInput.base64(value, field);
        if (key.length != 32) {
            throw new ApiException(400, ErrorCodes.INVALID_LENGTH, field + " must be 32 bytes, got " + key.length);
        }
        return key;
    }
}
