-- Client-side secret storage (docs/secrets.md). Owned by io.keyward.server.secret. The server stores
-- only what the client encrypted: key descriptions (algorithm, name, key check) and Matrix SSSS items
-- ({"encrypted": {"<key id>": {"iv","ciphertext","mac"}}}) as JSON text. Times: ms since the epoch.

CREATE TABLE secret_keys (
    org         TEXT    NOT NULL,
    user_key    TEXT    NOT NULL,
    key_id      TEXT    NOT NULL,
    -- the Matrix key description, JSON as the client sent it (after validation of its shape)
    description TEXT    NOT NULL,
    is_default  INTEGER NOT NULL CHECK (is_default IN (0, 1)),
    created_ms  INTEGER NOT NULL,
    PRIMARY KEY (org, user_key, key_id)
) STRICT;

-- Every version of every item; the newest version of a name is the current one. A deleted name gets a
-- tombstone version (deleted = 1, item NULL). UNIQUE (org, user_key, name, version) lets exactly one
-- of several concurrent check-and-set puts of one version win.
CREATE TABLE secret_items (
    org         TEXT    NOT NULL,
    user_key    TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    item        TEXT,
    -- the key ids that encrypt this version, space-separated, sorted
    key_ids     TEXT    NOT NULL,
    size_bytes  INTEGER NOT NULL,
    deleted     INTEGER NOT NULL CHECK (deleted IN (0, 1)),
    created_ms  INTEGER NOT NULL,
    PRIMARY KEY (org, user_key, name, version)
) STRICT;
