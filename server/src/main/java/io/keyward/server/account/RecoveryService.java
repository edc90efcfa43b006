package io.keyward.server.account;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.opaque.InvalidMessageException;
import io.keyward.crypto.opaque.RegistrationRecord;
import io.keyward.crypto.opaque.RegistrationRequest;
import io.keyward.crypto.opaque.RegistrationResponse;
import io.keyward.crypto.sig.Ed25519Verifier;
import io.keyward.crypto.util.Base64Url;
import io.keyward.protocol.ErrorCodes;
import io.keyward.server.audit.Outcome;
import io.keyward.server.audit.TransactionAudit;
import io.keyward.server.http.ApiException;
import io.keyward.server.session.PendingLogins;
import io.keyward.server.session.RandomIds;
import io.keyward.server.session.SessionRecord;
import io.keyward.server.session.SessionService;
import io.keyward.server.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A new password for a user who forgot theirs but has their recovery key (docs/secrets.md, "Recovery").
 *
 * <p>The SDK uploads, with the default secret-storage key's description, a <b>verifier</b>: the Ed25519
 * public key whose seed is {@code HKDF-SHA256(salt = empty, ikm = secret-storage key, info =
 * "keyward/v1/recovery-signing", L = 32)}. It reveals nothing about the key, and a database thief cannot
 * use it to recover (a MAC key stored here could). {@code recovery/start} answers a random challenge and
 * the OPAQUE registration response for a fresh registration; {@code recovery/finish} accepts the new
 * registration record and key bundle only with a signature, under the verifier, over a transcript that
 * binds org, user, recovery id, challenge and both new values, so nobody on the path can swap them.
 * One finish per start; the record and bundle are replaced, every session and pending login ends.
 *
 * <p>Start and finish are authentication attempts: each that commits something appends its audit entry
 * in that transaction ({@link AttemptAudit}), under the user it concerns.
 */
public final class RecoveryService {
    /**
     * Records a recovery attempt in the transaction that commits it: a started recovery, a finished one,
     * or a proof that did not verify (which ends the pending recovery). The route sets the audit facts
     * ({@code userKey} is the user the attempt concerns) and appends.
     */
    @FunctionalInterface
    public interface AttemptAudit {
        AttemptAudit NONE = (connection, userKey, outcome, code) -> {};

        void record(Connection connection, String userKey, Outcome outcome, String code) throws SQLException;
    }

    static final long TTL_MS = 120_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final OrgService orgs;
    private final SessionService sessions;
    private final PendingLogins pending;
    private final Clock clock;

    public RecoveryService(Database db, OrgService orgs, SessionService sessions, PendingLogins pending, Clock clock) {
        this.db = db;
        this.orgs = orgs;
        this.sessions = sessions;
        this.pending = pending;
        this.clock = clock;
    }

    /** Stores (replaces) the account's recovery verifier: {@code {key_id, public_key}}, base64url Ed25519 key. */
    public Map<String, Object> putVerifier(SessionRecord session, String keyId, String publicKey, TransactionAudit audit) {
        if (keyId == null || !keyId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, "key_id is 1-64 characters from [A-Za-z0-9._-]");
        }
        byte[] key = publicKey == null ? null : Base64Url.decode(publicKey, "public_key");
        try {
            Ed25519Verifier.fromPublicKey(key);
        } catch (CryptoException e) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, "public_key must be a 32-byte Ed25519 public key");
        }
        db.inTransaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM recovery_verifiers WHERE org = ? AND user_key = ?")) {
                delete.setString(1, session.org());
                delete.setString(2, session.userKey());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO recovery_verifiers (org, user_key, key_id,"
                    + " public_key, created_ms) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, session.org());
                insert.setString(2, session.userKey());
                insert.setString(3, keyId);
                insert.setBytes(4, key);
                insert.setLong(5, clock.millis());
                insert.executeUpdate();
            }
            audit.success(c);
            return null;
        });
        return Map.of("key_id", keyId);
    }

    public Map<String, Object> start(String orgName, String userId, String registrationRequest, AttemptAudit audit) {
        OrgRecord org = orgs.find(orgName);
        String userKey = Identifiers.userKey(userId);
        RegistrationRequest request = OpaqueInput.registrationRequest(org.suite(), registrationRequest, "registration_request");
        String keyId = db.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT v.key_id FROM recovery_verifiers v JOIN users u"
                    + " ON u.org = v.org AND u.user_key = v.user_key WHERE v.org = ? AND v.user_key = ? AND u.status = 'active'")) {
                select.setString(1, org.name());
                select.setString(2, userKey);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (keyId == null) {
            throw new ApiException(404, ErrorCodes.RECOVERY_UNAVAILABLE,
                    "this account cannot be recovered with a recovery key (unknown, or no recovery verifier)");
        }
        RegistrationResponse response;
        try {
            response = orgs.opaque(org).createRegistrationResponse(request, RegistrationService.credentialIdentifier(userKey));
        } catch (InvalidMessageException e) {
            throw OpaqueInput.invalidElement("registration_request");
        }
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        String recoveryId = RandomIds.next();
        db.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO pending_recoveries (recovery_id, org, user_key,"
                    + " challenge, expires_ms) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, recoveryId);
                insert.setString(2, org.name());
                insert.setString(3, userKey);
                insert.setBytes(4, challenge);
                insert.setLong(5, clock.millis() + TTL_MS);
                insert.executeUpdate();
            }
            audit.record(c, userKey, Outcome.SUCCESS, null);
            return null;
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("recovery_id", recoveryId);
        answer.put("key_id", keyId);
        answer.put("challenge", Base64Url.encode(challenge));
        answer.put("registration_response", Base64Url.encode(response.serialize()));
        return answer;
    }

    public Map<String, Object> finish(String orgName, String recoveryId, String registrationRecord, String keyBundle,
                                      String signature, AttemptAudit audit) {
        OrgRecord org = orgs.find(orgName);
        RegistrationRecord record = OpaqueInput.registrationRecord(org.suite(), registrationRecord, "registration_record");
        byte[] bundle = keyBundle == null ? null : Base64Url.decode(keyBundle, "key_bundle");
        if (bundle == null || bundle.length == 0 || bundle.length > AccountService.MAX_KEY_BUNDLE_BYTES) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, "key_bundle is required, at most 64 KiB");
        }
        byte[] sig = signature == null ? null : Base64Url.decode(signature, "signature");
        if (recoveryId == null || sig == null) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, "recovery_id and signature are required");
        }
        byte[] recordBytes = record.serialize();
        int ended;
        try {
            ended = replace(org, recoveryId, recordBytes, bundle, sig, audit);
        } catch (ApiException e) {
            if (ErrorCodes.RECOVERY_FAILED.equals(e.problem().code())) {
                discard(recoveryId, audit); // one try per start
            }
            throw e;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "recovered");
        answer.put("ended_sessions", ended);
        return answer;
    }

    private int replace(OrgRecord org, String recoveryId, byte[] recordBytes, byte[] bundle, byte[] sig,
                        AttemptAudit audit) {
        return db.inTransaction(c -> {
            String userKey;
            byte[] challenge;
            long expires;
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT user_key, challenge, expires_ms FROM pending_recoveries WHERE recovery_id = ? AND org = ?")) {
                select.setString(1, recoveryId);
                select.setString(2, org.name());
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new ApiException(400, ErrorCodes.RECOVERY_INVALID, "unknown, used or expired recovery_id");
                    }
                    userKey = rs.getString(1);
                    challenge = rs.getBytes(2);
                    expires = rs.getLong(3);
                }
            }
            if (clock.millis() > expires) {
                throw new ApiException(400, ErrorCodes.RECOVERY_INVALID, "unknown, used or expired recovery_id");
            }
            byte[] publicKey;
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT public_key FROM recovery_verifiers WHERE org = ? AND user_key = ?")) {
                select.setString(1, org.name());
                select.setString(2, userKey);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new ApiException(400, ErrorCodes.RECOVERY_INVALID, "the account has no recovery verifier");
                    }
                    publicKey = rs.getBytes(1);
                }
            }
            try {
                Ed25519Verifier.fromPublicKey(publicKey).verify(sig, transcript(org.name(), userKey, recoveryId, challenge,
                        recordBytes, bundle));
            } catch (CryptoException e) {
                throw new ApiException(401, ErrorCodes.RECOVERY_FAILED, "the recovery proof does not verify");
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM pending_recoveries WHERE recovery_id = ?")) {
                delete.setString(1, recoveryId);
                delete.executeUpdate();
            }
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE users SET record = ?, key_bundle = ? WHERE org = ? AND user_key = ? AND status = 'active'")) {
                update.setBytes(1, recordBytes);
                update.setBytes(2, bundle);
                update.setString(3, org.name());
                update.setString(4, userKey);
                update.executeUpdate();
            }
            pending.dropAll(c, org.name(), userKey);
            int ended = sessions.endAll(c, org.name(), userKey, null);
            audit.record(c, userKey, Outcome.SUCCESS, null);
            return ended;
        });
    }

    /**
     * Deletes a pending recovery whose proof failed and records the refusal under its user (its own
     * transaction, after the refused one rolled back). Nothing is recorded here if another request took
     * the pending recovery first; the audit hook then records the refusal.
     */
    void discard(String recoveryId, AttemptAudit audit) {
        db.inTransaction(c -> {
            String userKey;
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT user_key FROM pending_recoveries WHERE recovery_id = ?")) {
                select.setString(1, recoveryId);
                try (ResultSet rs = select.executeQuery()) {
                    userKey = rs.next() ? rs.getString(1) : null;
                }
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM pending_recoveries WHERE recovery_id = ?")) {
                delete.setString(1, recoveryId);
                if (delete.executeUpdate() == 1 && userKey != null) {
                    audit.record(c, userKey, Outcome.DENIED, ErrorCodes.RECOVERY_FAILED);
                }
            }
            return null;
        });
    }

    /**
     * {@code "keyward/v1/recovery\n" || org || "\n" || user_key || "\n" || recovery_id || "\n" || b64u(challenge)
     * || "\n" || b64u(SHA-256(record)) || "\n" || b64u(SHA-256(key_bundle))}, UTF-8.
     */
    public static byte[] transcript(String org, String userKey, String recoveryId, byte[] challenge, byte[] record,
                                    byte[] keyBundle) {
        return ("keyward/v1/recovery\n" + org + "\n" + userKey + "\n" + recoveryId + "\n" + Base64Url.encode(challenge) + "\n"
                + Base64Url.encode(sha256(record)) + "\n" + Base64Url.encode(sha256(keyBundle))).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
