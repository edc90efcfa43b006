-- The audit log (docs/formats.md, "Audit log"). Owned by io.keyward.server.audit.
-- One head row per organization: the last seq and hash of its chain. Appends lock it with
-- SELECT ... FOR UPDATE, so nodes sharing the database keep one gap-free chain per organization.
CREATE TABLE audit_heads (
    org  TEXT   NOT NULL PRIMARY KEY,
    seq  BIGINT NOT NULL,
    hash BYTEA  NOT NULL
);

-- Append-only: rows are inserted, never updated or deleted by Keyward.
-- time is the RFC 3339 text the hash covers (fixed width, so it sorts as it reads).
CREATE TABLE audit_entries (
    org        TEXT   NOT NULL,
    seq        BIGINT NOT NULL,
    time       TEXT   NOT NULL,
    actor_type TEXT   NOT NULL,
    actor_id   TEXT,
    device     TEXT,
    action     TEXT   NOT NULL,
    target     TEXT,
    outcome    TEXT   NOT NULL,
    code       TEXT,
    request_id TEXT,
    client     TEXT,
    hash       BYTEA  NOT NULL,
    PRIMARY KEY (org, seq)
);
CREATE INDEX audit_entries_actor ON audit_entries (org, actor_type, actor_id, seq);
CREATE INDEX audit_entries_request ON audit_entries (request_id);

-- Signed checkpoints: the server's Ed25519 audit key over (org, seq, head hash, time).
CREATE TABLE audit_checkpoints (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org       TEXT   NOT NULL,
    seq       BIGINT NOT NULL,
    head_hash BYTEA  NOT NULL,
    time      TEXT   NOT NULL,
    signature BYTEA  NOT NULL
);
CREATE INDEX audit_checkpoints_org ON audit_checkpoints (org, seq);
