-- Password recovery with the secret-storage key (docs/secrets.md, "Recovery"). Owned by
-- io.keyward.server.account (RecoveryService). Times: ms since the epoch.

-- The Ed25519 public key derived from the user's recovery (secret-storage) key: a verifier, not the key.
CREATE TABLE recovery_verifiers (
    org         TEXT    NOT NULL,
    user_key    TEXT    NOT NULL,
    key_id      TEXT    NOT NULL,
    public_key  BLOB    NOT NULL,
    created_ms  INTEGER NOT NULL,
    PRIMARY KEY (org, user_key)
) STRICT;

-- Between recovery/start and recovery/finish: the challenge; one finish per start.
CREATE TABLE pending_recoveries (
    recovery_id TEXT    NOT NULL PRIMARY KEY,
    org         TEXT    NOT NULL,
    user_key    TEXT    NOT NULL,
    challenge   BLOB    NOT NULL,
    expires_ms  INTEGER NOT NULL
) STRICT;
