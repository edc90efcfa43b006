-- Organizations, one-time tokens, accounts and devices. Owned by io.keyward.server.account.
-- Times are milliseconds since the epoch (UTC), the same on both database kinds.
CREATE TABLE orgs (
    name                    TEXT    NOT NULL PRIMARY KEY,
    suite                   TEXT    NOT NULL,
    registration            TEXT    NOT NULL CHECK (registration IN ('open', 'invitation')),
    ksf                     TEXT    NOT NULL,
    context                 BLOB    NOT NULL,
    server_public_key       BLOB    NOT NULL,
    -- the OPAQUE ServerSetup, wrapped by the root lock (AAD binds org and purpose)
    setup_wrapped           BLOB    NOT NULL,
    root_key_id             TEXT    NOT NULL,
    -- RFC 9807 fake registration record answering logins of unknown users, the same on every node
    fake_record             BLOB    NOT NULL,
    bootstrapped            INTEGER NOT NULL CHECK (bootstrapped IN (0, 1)),
    -- SPKI PEM named at bootstrap (issue 9 gives it meaning); NULL: the org has no sequester, forever
    sequester_authority_key TEXT,
    created_ms              INTEGER NOT NULL
) STRICT;

-- One-time registration tokens: only the SHA-256 of a token is stored.
CREATE TABLE org_tokens (
    token_hash  TEXT    NOT NULL PRIMARY KEY,
    org         TEXT    NOT NULL REFERENCES orgs (name),
    kind        TEXT    NOT NULL CHECK (kind IN ('bootstrap', 'invitation')),
    expires_ms  INTEGER,
    created_ms  INTEGER NOT NULL
) STRICT;

CREATE TABLE users (
    org          TEXT    NOT NULL REFERENCES orgs (name),
    -- lower-case form: user ids are unique per org regardless of case
    user_key     TEXT    NOT NULL,
    user_id      TEXT    NOT NULL,
    record       BLOB    NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('pending', 'active')),
    role         TEXT    NOT NULL CHECK (role IN ('owner', 'member')),
    key_bundle   BLOB,
    created_ms   INTEGER NOT NULL,
    completed_ms INTEGER,
    PRIMARY KEY (org, user_key)
) STRICT;

CREATE TABLE devices (
    device_id        TEXT    NOT NULL PRIMARY KEY,
    org              TEXT    NOT NULL,
    user_key         TEXT    NOT NULL,
    name             TEXT    NOT NULL,
    x25519_public    BLOB    NOT NULL,
    ed25519_public   BLOB    NOT NULL,
    verified         INTEGER NOT NULL CHECK (verified IN (0, 1)),
    created_ms       INTEGER NOT NULL,
    FOREIGN KEY (org, user_key) REFERENCES users (org, user_key)
) STRICT;
CREATE INDEX devices_by_user ON devices (org, user_key);
