-- Keystores, working keys and delegation grants. Owned by io.keyward.server.keystore.
-- Times are milliseconds since the epoch (UTC), the same on both database kinds.
CREATE TABLE keystores (
    keystore_id  TEXT    NOT NULL PRIMARY KEY,
    -- no foreign keys into the account tables: the keystore capability stands on its own
    org          TEXT    NOT NULL,
    controller   TEXT    NOT NULL,
    lock_mode    TEXT    NOT NULL CHECK (lock_mode IN ('server')),
    -- the keystore lock key, wrapped by the root lock (AAD binds org and keystore id)
    lock_wrapped BLOB    NOT NULL,
    root_key_id  TEXT    NOT NULL,
    created_ms   INTEGER NOT NULL
) STRICT;
CREATE INDEX keystores_by_controller ON keystores (org, controller);

CREATE TABLE keystore_keys (
    keystore_id            TEXT    NOT NULL REFERENCES keystores (keystore_id),
    key_id                 TEXT    NOT NULL,
    key_type               TEXT    NOT NULL,
    enabled                INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    latest_version         INTEGER NOT NULL,
    min_decryption_version INTEGER NOT NULL,
    created_ms             INTEGER NOT NULL,
    PRIMARY KEY (keystore_id, key_id)
) STRICT;

-- Every version of a working key: WorkingKey.toBytes() sealed in an Envelope under the keystore lock key
-- (AAD binds keystore, key, version and type); the raw public key in clear for asymmetric types.
CREATE TABLE keystore_key_versions (
    keystore_id  TEXT    NOT NULL,
    key_id       TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    sealed_key   BLOB    NOT NULL,
    public_key   BLOB,
    created_ms   INTEGER NOT NULL,
    PRIMARY KEY (keystore_id, key_id, version),
    FOREIGN KEY (keystore_id, key_id) REFERENCES keystore_keys (keystore_id, key_id)
) STRICT;

CREATE TABLE keystore_grants (
    grant_id     TEXT    NOT NULL PRIMARY KEY,
    keystore_id  TEXT    NOT NULL REFERENCES keystores (keystore_id),
    grantee      TEXT    NOT NULL,
    -- NULL: the whole keystore
    key_id       TEXT,
    -- comma-separated operation names
    operations   TEXT    NOT NULL,
    expires_ms   INTEGER NOT NULL,
    created_ms   INTEGER NOT NULL
) STRICT;
CREATE INDEX keystore_grants_by_grantee ON keystore_grants (keystore_id, grantee);
