-- Node-wide named values (root key check, admin token hash, ...). Owned by io.keyward.server.store.
CREATE TABLE server_settings (
    name  TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
