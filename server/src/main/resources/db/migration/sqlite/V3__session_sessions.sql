-- Pending logins, sessions, their replay windows and failed-login throttles. Owned by
-- io.keyward.server.session. Times are milliseconds since the epoch (UTC).

-- Between login/start and login/finish: the ServerLoginState wrapped by the root lock (AAD binds the
-- login id), so that any node can finish a login. Deleted by the finish, whatever its outcome.
CREATE TABLE pending_logins (
    login_id     TEXT    NOT NULL PRIMARY KEY,
    org          TEXT    NOT NULL,
    user_key     TEXT    NOT NULL,
    known_user   INTEGER NOT NULL CHECK (known_user IN (0, 1)),
    client       TEXT    NOT NULL,
    state_wrapped BLOB   NOT NULL,
    expires_ms   INTEGER NOT NULL
) STRICT;
CREATE INDEX pending_logins_by_user ON pending_logins (org, user_key);
CREATE INDEX pending_logins_by_expiry ON pending_logins (expires_ms);

CREATE TABLE sessions (
    session_id    TEXT    NOT NULL PRIMARY KEY,
    org           TEXT    NOT NULL,
    user_key      TEXT    NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('registration', 'request')),
    -- ChannelKeys (c2s || s2c) wrapped by the root lock, AAD = session id
    keys_wrapped  BLOB    NOT NULL,
    created_ms    INTEGER NOT NULL,
    expires_ms    INTEGER NOT NULL,
    idle_timeout_ms INTEGER NOT NULL,
    last_used_ms  INTEGER NOT NULL,
    request_limit INTEGER,
    request_count INTEGER NOT NULL,
    highest_seq   INTEGER NOT NULL,
    ended_ms      INTEGER
) STRICT;
CREATE INDEX sessions_by_user ON sessions (org, user_key);
CREATE INDEX sessions_by_expiry ON sessions (expires_ms);

-- The sequence numbers a session has used within its replay window; the primary key makes a seq
-- usable once, also when two nodes receive it at the same time.
CREATE TABLE session_seqs (
    session_id TEXT    NOT NULL,
    seq        INTEGER NOT NULL,
    PRIMARY KEY (session_id, seq)
) STRICT;

-- Failed-login counters, per account ('account:<org>/<user_key>') and per client address ('address:<ip>').
CREATE TABLE login_throttles (
    throttle_key     TEXT    NOT NULL PRIMARY KEY,
    failures         INTEGER NOT NULL,
    window_start_ms  INTEGER NOT NULL,
    blocked_until_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX login_throttles_by_window ON login_throttles (window_start_ms);
