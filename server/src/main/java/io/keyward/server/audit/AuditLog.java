package io.keyward.server.audit;

import io.javalin.http.Context;
import io.keyward.crypto.util.Base64Url;
import io.keyward.server.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The append-only, hash-chained audit log: one chain per organization, stored in
 * {@code audit_entries} with the head of each chain in {@code audit_heads} (migration V10).
 *
 * <p><b>One gap-free chain per organization, on every node.</b> An append reads and locks the
 * organization's head row ({@code SELECT ... FOR UPDATE} on PostgreSQL; on SQLite the write
 * transaction is already exclusive), writes the entry with seq = head + 1 and the hash over the
 * head's hash, and moves the head, all in the transaction it is given. Concurrent appends to one
 * organization therefore queue on its head row until the appending transaction ends: append as the
 * last statement of a transaction so that the row is held briefly.
 *
 * <p><b>Transactional with the action.</b> A handler that commits an action appends its entry in
 * the same transaction with {@link #appendInTransaction(Connection, Context)}; the entry then exists
 * exactly when the action does. The request hook ({@link AuditHook}) appends an entry in a
 * transaction of its own only for requests that have none: reads, refusals, and actions that were
 * rolled back (whose entry rolled back with them), which it records as {@code failed}.
 */
public final class AuditLog {
    /**
     * The chain of requests that belong to no organization: node routes, unmatched paths, node-level
     * admin actions. The underscore keeps it apart from every organization name.
     */
    public static final String NODE_ORG = "_node";
    static final String APPENDED = "keyward.audit.appended";

    private final Database db;
    private final Supplier<AuditKey> key;
    private final Clock clock;

    /**
     * @param key the signing key, asked for on the first checkpoint (it is unwrapped by the root lock)
     */
    public AuditLog(Database db, Supplier<AuditKey> key, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Database database() {
        return db;
    }

    /** Appends in a transaction of its own (or joins the calling thread's transaction). */
    public AuditEntry append(AuditEvent event) {
        return db.inTransaction(connection -> append(connection, event));
    }

    /** Appends in the caller's transaction: the entry commits or rolls back with it. */
    public AuditEntry append(Connection connection, AuditEvent event) throws SQLException {
        Head head = lockHead(connection, event.org());
        AuditEntry unhashed = new AuditEntry(head.seq() + 1, AuditChain.formatTime(clock.instant()), event.org(),
                event.actorType(), event.actorId(), event.device(), event.action(), event.target(),
                event.outcome().wireName(), event.code(), event.requestId(), event.client(), null);
        byte[] hash = AuditChain.hash(head.hash(), unhashed);
        AuditEntry entry = unhashed.withHash(Base64Url.encode(hash));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_entries (org, seq, time,"
                + " actor_type, actor_id, device, action, target, outcome, code, request_id, client, hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, entry.org());
            insert.setLong(2, entry.seq());
            insert.setString(3, entry.time());
            insert.setString(4, entry.actorType());
            insert.setString(5, entry.actorId());
            insert.setString(6, entry.device());
            insert.setString(7, entry.action());
            insert.setString(8, entry.target());
            insert.setString(9, entry.outcome());
            insert.setString(10, entry.code());
            insert.setString(11, entry.requestId());
            insert.setString(12, entry.client());
            insert.setBytes(13, hash);
            insert.executeUpdate();
        }
        try (PreparedStatement move = connection.prepareStatement("UPDATE audit_heads SET seq = ?, hash = ? WHERE org = ?")) {
            move.setLong(1, entry.seq());
            move.setBytes(2, hash);
            move.setString(3, entry.org());
            move.executeUpdate();
        }
        return entry;
    }

    /**
     * Appends the request's {@code success} entry in the caller's transaction, from the request's
     * {@link AuditFacts} and HTTP facts, and tells the request hook that the request is recorded (if
     * the transaction rolls back after all, the hook notices and records a {@code failed} entry).
     */
    public AuditEntry appendInTransaction(Connection connection, Context ctx) throws SQLException {
        return appendInTransaction(connection, ctx, Outcome.SUCCESS, null);
    }

    /**
     * As {@link #appendInTransaction(Connection, Context)} with another outcome: for a refusal that
     * commits state of its own (a failed login that counts towards a rate limit).
     */
    public AuditEntry appendInTransaction(Connection connection, Context ctx, Outcome outcome, String code)
            throws SQLException {
        AuditEntry entry = append(connection, AuditRequests.event(ctx, outcome, code));
        List<AuditEntry> appended = ctx.attribute(APPENDED);
        if (appended == null) {
            appended = new ArrayList<>();
            ctx.attribute(APPENDED, appended);
        }
        appended.add(entry);
        return entry;
    }

    /** The request's {@link TransactionAudit}: appends with {@link #appendInTransaction(Connection, Context, Outcome, String)}. */
    public TransactionAudit forRequest(Context ctx) {
        return (connection, outcome, code) -> appendInTransaction(connection, ctx, outcome, code);
    }

    /** True when the entry is stored (its transaction committed): same org, seq and hash. */
    boolean isStored(AuditEntry entry) {
        return db.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT hash FROM audit_entries WHERE org = ? AND seq = ?")) {
                select.setString(1, entry.org());
                select.setLong(2, entry.seq());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() && Base64Url.encode(rows.getBytes(1)).equals(entry.hash());
                }
            }
        });
    }

    private record Head(long seq, byte[] hash) {}

    private Head lockHead(Connection connection, String org) throws SQLException {
        String select = db.kind() == Database.Kind.POSTGRES
                ? "SELECT seq, hash FROM audit_heads WHERE org = ? FOR UPDATE"
                : "SELECT seq, hash FROM audit_heads WHERE org = ?";
        Head head = readHead(connection, select, org);
        if (head != null) {
            return head;
        }
        // The organization's first entry. Two nodes may get here at once: one insert wins, the other
        // waits for it (PostgreSQL) and then finds and locks the winner's row.
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_heads (org, seq, hash) VALUES (?, 0, ?) ON CONFLICT (org) DO NOTHING")) {
            insert.setString(1, org);
            insert.setBytes(2, AuditChain.genesis());
            insert.executeUpdate();
        }
        return Objects.requireNonNull(readHead(connection, select, org), "audit head row");
    }

    private static Head readHead(Connection connection, String sql, String org) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, org);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? new Head(rows.getLong(1), rows.getBytes(2)) : null;
            }
        }
    }

    // ---- reading -----------------------------------------------------------------------------

    /** The entries the query selects, in seq order. */
    public List<AuditEntry> read(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT seq, time, org, actor_type, actor_id, device, action, target,"
                + " outcome, code, request_id, client, hash FROM audit_entries WHERE org = ? AND seq > ?");
        List<Object> args = new ArrayList<>();
        args.add(query.org());
        args.add(query.afterSeq());
        if (query.actorType() != null) {
            sql.append(" AND actor_type = ? AND actor_id = ?");
            args.add(query.actorType());
            args.add(query.actorId());
        }
        if (query.since() != null) {
            sql.append(" AND time >= ?");
            args.add(AuditChain.formatTime(query.since()));
        }
        if (query.until() != null) {
            sql.append(" AND time < ?");
            args.add(AuditChain.formatTime(query.until()));
        }
        filter(sql, args, "action", query.action());
        filter(sql, args, "target", query.target());
        filter(sql, args, "outcome", query.outcome() == null ? null : query.outcome().wireName());
        filter(sql, args, "request_id", query.requestId());
        sql.append(" ORDER BY seq LIMIT ?");
        args.add(query.limit());
        return db.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    select.setObject(i + 1, args.get(i));
                }
                List<AuditEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(entryOf(rows));
                    }
                }
                return entries;
            }
        });
    }

    private static void filter(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    static AuditEntry entryOf(ResultSet rows) throws SQLException {
        return new AuditEntry(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9),
                rows.getString(10), rows.getString(11), rows.getString(12), Base64Url.encode(rows.getBytes(13)));
    }

    // ---- checkpoints -------------------------------------------------------------------------

    /** Signs the organization's current head (seq 0 and the genesis hash for an empty chain) and stores it. */
    public Checkpoint checkpoint(String org) {
        AuditKey signingKey = key.get();
        return db.inTransaction(connection -> {
            Head head = readHead(connection, "SELECT seq, hash FROM audit_heads WHERE org = ?", org);
            if (head == null) {
                head = new Head(0, AuditChain.genesis());
            }
            String time = AuditChain.formatTime(clock.instant());
            byte[] signature = signingKey.sign(AuditChain.checkpointMessage(org, head.seq(), head.hash(), time));
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO audit_checkpoints (org, seq, head_hash, time, signature) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, org);
                insert.setLong(2, head.seq());
                insert.setBytes(3, head.hash());
                insert.setString(4, time);
                insert.setBytes(5, signature);
                insert.executeUpdate();
            }
            return new Checkpoint(org, head.seq(), Base64Url.encode(head.hash()), time, Base64Url.encode(signature));
        });
    }

    /** The organization's checkpoints, by seq then time. */
    public List<Checkpoint> checkpoints(String org) {
        return db.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT org, seq, head_hash, time, signature"
                    + " FROM audit_checkpoints WHERE org = ? ORDER BY seq, id")) {
                select.setString(1, org);
                List<Checkpoint> checkpoints = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        checkpoints.add(new Checkpoint(rows.getString(1), rows.getLong(2),
                                Base64Url.encode(rows.getBytes(3)), rows.getString(4), Base64Url.encode(rows.getBytes(5))));
                    }
                }
                return checkpoints;
            }
        });
    }

    /** Organizations whose head has moved past their last checkpoint (or that have none yet). */
    public List<String> orgsWithUncheckpointedEntries() {
        return db.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT h.org FROM audit_heads h"
                    + " WHERE h.seq > COALESCE((SELECT MAX(c.seq) FROM audit_checkpoints c WHERE c.org = h.org), 0)"
                    + " ORDER BY h.org")) {
                List<String> orgs = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        orgs.add(rows.getString(1));
                    }
                }
                return orgs;
            }
        });
    }

    /** The signing key's public half (creating the key on first use). */
    public AuditKey key() {
        return key.get();
    }
}
