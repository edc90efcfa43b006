-- Organizations, one-time tokens, accounts and devices. Owned by io.keyward.server.account.
-- Times are milliseconds since the epoch (UTC), the same on both database kinds.
CREATE TABLE orgs (
    name                    TEXT    NOT NULL PRIMARY KEY,
    suite                   TEXT    NOT NULL,
    registration            TEXT    NOT NULL CHECK (registration IN ('open', 'invitation')),
    ksf                     TEXT    NOT NULL,
    context                 BYTEA    NOT NULL,
    server_public_key       BYTEA    NOT NULL,
    -- the OPAQUE ServerSetup, wrapped by the root lock (AAD binds org and purpose)
    setup_wrapped           BYTEA    NOT NULL,
    root_key_id             TEXT    NOT NULL,
    -- RFC 9807 fake registration record answering logins of unknown users, the same on every node
    fake_record             BYTEA    NOT NULL,
    bootstrapped            SMALLINT NOT NULL CHECK (bootstrapped IN (0, 1)),
    -- SPKI PEM named at bootstrap (issue 9 gives it meaning); NULL: the org has no sequester, forever
    sequester_authority_key TEXT,
    created_ms              BIGINT NOT NULL
);

-- One-time registration tokens: only the SHA-256 of a token is stored.
CREATE TABLE org_tokens (
    token_hash  TEXT    NOT NULL PRIMARY KEY,
    org         TEXT    NOT NULL REFERENCES orgs (name),
    kind        TEXT    NOT NULL CHECK (kind IN ('bootstrap', 'invitation')),
    expires_ms  BIGINT,
    created_ms  BIGINT NOT NULL
);

CREATE TABLE users (
    org          TEXT    NOT NULL REFERENCES orgs (name),
    -- lower-case form: user ids are unique per org regardless of case
    user_key     TEXT    NOT NULL,
    user_id      TEXT    NOT NULL,
    record       BYTEA    NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('pending', 'active')),
    role         TEXT    NOT NULL CHECK (role IN ('owner', 'member')),
    key_bundle   BYTEA,
    created_ms   BIGINT NOT NULL,
    completed_ms BIGINT,
    PRIMARY KEY (org, user_key)
);

CREATE TABLE devices (
    device_id        TEXT    NOT NULL PRIMARY KEY,
    org              TEXT    NOT NULL,
    user_key         TEXT    NOT NULL,
    name             TEXT    NOT NULL,
    x25519_public    BYTEA    NOT NULL,
    ed25519_public   BYTEA    NOT NULL,
    verified         SMALLINT NOT NULL CHECK (verified IN (0, 1)),
    created_ms       BIGINT NOT NULL,
    FOREIGN KEY (org, user_key) REFERENCES users (org, user_key)
);
CREATE INDEX devices_by_user ON devices (org, user_key);
