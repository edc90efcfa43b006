package io.keyward.server.keystore;

import io.keyward.protocol.ErrorCodes;
import io.keyward.protocol.keystore.CreateKeystoreRequest;
import io.keyward.protocol.keystore.GrantInfo;
import io.keyward.protocol.keystore.GrantList;
import io.keyward.protocol.keystore.GrantRequest;
import io.keyward.protocol.keystore.KeystoreInfo;
import io.keyward.protocol.keystore.KeystoreList;
import io.keyward.server.account.Identifiers;
import io.keyward.server.http.ApiException;
import io.keyward.server.keystore.KeystoreTables.GrantRow;
import io.keyward.server.keystore.KeystoreTables.KeystoreRow;
import io.keyward.server.session.RandomIds;
import io.keyward.server.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Keystores and their delegation grants; {@link #authorize} is the one access decision for every key route. */
public final class KeystoreService {
    static final String LOCK_MODE_SERVER = "server";

    private final Database db;
    private final KeystoreLocks locks;
    private final Clock clock;

    KeystoreService(Database db, KeystoreLocks locks, Clock clock) {
        this.db = db;
        this.locks = locks;
        this.clock = clock;
    }

    public KeystoreInfo create(Caller caller, CreateKeystoreRequest request, KeystoreAudit audit) {
        String mode = request == null || request.lockMode() == null ? LOCK_MODE_SERVER : request.lockMode();
        if (!mode.equals(LOCK_MODE_SERVER)) {
            throw new ApiException(400, ErrorCodes.LOCK_MODE_UNSUPPORTED, "lock_mode must be 'server' on this node");
        }
        String id = "ks_" + RandomIds.next();
        KeystoreRow row = new KeystoreRow(id, caller.org(), caller.userKey(), mode, locks.newWrappedLock(caller.org(), id),
                locks.rootKeyId(), clock.millis());
        db.inTransaction(c -> {
            KeystoreTables.insertKeystore(c, row);
            audit.committed(c, "keystore:" + id);
            return null;
        });
        return info(row, 0);
    }

    public KeystoreList list(Caller caller) {
        return db.inTransaction(c -> {
            List<KeystoreInfo> out = new ArrayList<>();
            for (KeystoreRow row : KeystoreTables.keystoresOf(c, caller.org(), caller.userKey())) {
                out.add(info(row, KeystoreTables.keyCount(c, row.keystoreId())));
            }
            return new KeystoreList(out);
        });
    }

    public KeystoreInfo get(Caller caller, String keystoreId) {
        return db.inTransaction(c -> {
            KeystoreRow row = authorize(c, caller, keystoreId, null, KeyAction.READ);
            return info(row, KeystoreTables.keyCount(c, keystoreId));
        });
    }

    /** Deletes an empty keystore, or with {@code force} the keystore and every key in it. */
    public void delete(Caller caller, String keystoreId, boolean force, KeystoreAudit audit) {
        db.inTransaction(c -> {
            controlled(c, caller, keystoreId);
            if (!force && KeystoreTables.keyCount(c, keystoreId) > 0) {
                throw new ApiException(409, ErrorCodes.KEYSTORE_NOT_EMPTY,
                        "the keystore holds keys: delete them first, or delete with force=true to destroy them");
            }
            KeystoreTables.deleteKeystore(c, keystoreId);
            audit.committed(c, "keystore:" + keystoreId);
            return null;
        });
        locks.forget(keystoreId, null);
    }

    public GrantInfo grant(Caller caller, String keystoreId, GrantRequest request, KeystoreAudit audit) {
        if (request == null || request.grantee() == null || request.operations() == null || request.operations().isEmpty()
                || request.expiresAt() == null) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, "a grant needs grantee, operations and expires_at");
        }
        String grantee = Identifiers.userKey(request.grantee());
        Set<String> operations = new LinkedHashSet<>();
        for (String name : request.operations()) {
            KeyAction action = KeyAction.fromWire(name);
            if (action.management()) {
                throw new ApiException(400, ErrorCodes.INVALID_FIELD, "'" + name + "' stays with the controller: grants"
                        + " give key use (sign, encrypt, ..., export, read), not key management");
            }
            if (action.granted() != action) {
                throw new ApiException(400, ErrorCodes.INVALID_FIELD, "grant '" + action.granted().wireName()
                        + "' instead of '" + name + "' (batch forms follow their single form)");
            }
            operations.add(action.wireName());
        }
        if (!request.expiresAt().isAfter(clock.instant())) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, "expires_at must be in the future");
        }
        GrantRow row = new GrantRow("gr_" + RandomIds.next(), keystoreId, grantee, request.keyId(), List.copyOf(operations),
                request.expiresAt().toEpochMilli(), clock.millis());
        return db.inTransaction(c -> {
            controlled(c, caller, keystoreId);
            if (grantee.equals(caller.userKey())) {
                throw new ApiException(400, ErrorCodes.INVALID_FIELD, "the controller needs no grant");
            }
            if (!userExists(c, caller.org(), grantee)) {
                throw new ApiException(404, ErrorCodes.GRANTEE_UNKNOWN, "no user '" + grantee + "' in this org");
            }
            if (request.keyId() != null && KeystoreTables.key(c, keystoreId, request.keyId()).isEmpty()) {
                throw new ApiException(404, ErrorCodes.KEY_NOT_FOUND, "no key '" + request.keyId() + "' in this keystore");
            }
            KeystoreTables.insertGrant(c, row);
            audit.committed(c, "keystore:" + keystoreId);
            return grantInfo(row);
        });
    }

    public GrantList grants(Caller caller, String keystoreId) {
        return db.inTransaction(c -> {
            controlled(c, caller, keystoreId);
            return new GrantList(KeystoreTables.grants(c, keystoreId).stream().map(KeystoreService::grantInfo).toList());
        });
    }

    public void revoke(Caller caller, String keystoreId, String grantId, KeystoreAudit audit) {
        db.inTransaction(c -> {
            controlled(c, caller, keystoreId);
            if (!KeystoreTables.deleteGrant(c, keystoreId, grantId)) {
                throw new ApiException(404, ErrorCodes.GRANT_NOT_FOUND, "no such grant on this keystore");
            }
            audit.committed(c, "keystore:" + keystoreId);
            return null;
        });
    }

    /**
     * The keystore, if the caller controls it or holds an unexpired grant for {@code action} on it (or on
     * {@code keyIdOrNull}). Another org's keystore is unknown: 404 in both cases, so ids do not leak across orgs.
     */
    KeystoreRow authorize(Connection c, Caller caller, String keystoreId, String keyIdOrNull, KeyAction action)
            throws SQLException {
        KeystoreRow row = find(c, caller, keystoreId);
        if (row.controller().equals(caller.userKey())) {
            return row;
        }
        if (action.management()) {
            throw new ApiException(403, ErrorCodes.CONTROLLER_ONLY, "only the keystore's controller may "
                    + action.wireName() + " its keys");
        }
        long now = clock.millis();
        List<GrantRow> grants = KeystoreTables.grantsFor(c, keystoreId, caller.userKey());
        if (grants.isEmpty()) {
            throw new ApiException(403, ErrorCodes.KEYSTORE_FORBIDDEN, "this keystore belongs to another user");
        }
        String needed = action.granted().wireName();
        for (GrantRow grant : grants) {
            boolean scope = grant.keyId() == null || (keyIdOrNull != null && grant.keyId().equals(keyIdOrNull))
                    || (action == KeyAction.READ && keyIdOrNull == null);
            if (scope && grant.expiresMs() > now && (grant.operations().contains(needed)
                    || (action == KeyAction.READ && !grant.operations().isEmpty()))) {
                return row;
            }
        }
        throw new ApiException(403, ErrorCodes.OPERATION_NOT_GRANTED,
                "no unexpired grant lets you " + needed + (keyIdOrNull == null ? " on this keystore" : " with this key"));
    }

    /**
     * Whether the caller may see {@code keyId} in listings: the controller sees every key, a delegate the keys
     * an unexpired grant covers (a key-scoped grant does not reveal the keystore's other keys).
     */
    boolean sees(Connection c, Caller caller, KeystoreRow row, String keyId) throws SQLException {
        if (row.controller().equals(caller.userKey())) {
            return true;
        }
        long now = clock.millis();
        return KeystoreTables.grantsFor(c, row.keystoreId(), caller.userKey()).stream()
                .anyMatch(g -> g.expiresMs() > now && (g.keyId() == null || g.keyId().equals(keyId)));
    }

    /** The keystore, if the caller is its controller (403 {@code controller_only} for a delegate). */
    KeystoreRow controlled(Connection c, Caller caller, String keystoreId) throws SQLException {
        KeystoreRow row = find(c, caller, keystoreId);
        if (!row.controller().equals(caller.userKey())) {
            boolean delegate = KeystoreTables.grantsFor(c, keystoreId, caller.userKey()).stream()
                    .anyMatch(g -> g.expiresMs() > clock.millis());
            throw delegate ? new ApiException(403, ErrorCodes.CONTROLLER_ONLY, "only the keystore's controller may do this")
                    : new ApiException(403, ErrorCodes.KEYSTORE_FORBIDDEN, "this keystore belongs to another user");
        }
        return row;
    }

    private static KeystoreRow find(Connection c, Caller caller, String keystoreId) throws SQLException {
        return KeystoreTables.keystore(c, keystoreId).filter(k -> k.org().equals(caller.org()))
                .orElseThrow(() -> new ApiException(404, ErrorCodes.KEYSTORE_NOT_FOUND, "no such keystore"));
    }

    private static boolean userExists(Connection c, String org, String userKey) throws SQLException {
        try (var s = c.prepareStatement("SELECT 1 FROM users WHERE org = ? AND user_key = ?")) {
            s.setString(1, org);
            s.setString(2, userKey);
            try (var r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static KeystoreInfo info(KeystoreRow row, int keyCount) {
        return new KeystoreInfo(row.keystoreId(), row.controller(), row.lockMode(), keyCount,
                Instant.ofEpochMilli(row.createdMs()));
    }

    private static GrantInfo grantInfo(GrantRow row) {
        return new GrantInfo(row.grantId(), row.keystoreId(), row.grantee(), row.keyId(), row.operations(),
                Instant.ofEpochMilli(row.expiresMs()), Instant.ofEpochMilli(row.createdMs()));
    }
}
