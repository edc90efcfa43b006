-- The audit log (docs/formats.md, "Audit log"). Owned by io.keyward.server.audit.
-- One head row per organization: the last seq and hash of its chain. Appends lock it (SQLite: the
-- write transaction is exclusive), so every organization has one gap-free chain.
CREATE TABLE audit_heads (
    org  TEXT    NOT NULL PRIMARY KEY,
    seq  INTEGER NOT NULL,
    hash BLOB    NOT NULL
) STRICT;

-- Append-only: rows are inserted, never updated or deleted by Keyward.
CREATE TABLE audit_entries (
    org        TEXT    NOT NULL,
    seq        INTEGER NOT NULL,
    time       TEXT    NOT NULL,
    actor_type TEXT    NOT NULL,
    actor_id   TEXT,
    device     TEXT,
    action     TEXT    NOT NULL,
    target     TEXT,
    outcome    TEXT    NOT NULL,
    code       TEXT,
    request_id TEXT,
    client     TEXT,
    hash       BLOB    NOT NULL,
    PRIMARY KEY (org, seq)
) STRICT;
CREATE INDEX audit_entries_actor ON audit_entries (org, actor_type, actor_id, seq);
CREATE INDEX audit_entries_request ON audit_entries (request_id);

-- Signed checkpoints: the server's Ed25519 audit key over (org, seq, head hash, time).
CREATE TABLE audit_checkpoints (
    id        INTEGER NOT NULL PRIMARY KEY,
    org       TEXT    NOT NULL,
    seq       INTEGER NOT NULL,
    head_hash BLOB    NOT NULL,
    time      TEXT    NOT NULL,
    signature BLOB    NOT NULL
) STRICT;
CREATE INDEX audit_checkpoints_org ON audit_checkpoints (org, seq);
