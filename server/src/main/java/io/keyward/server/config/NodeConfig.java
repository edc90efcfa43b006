package io.keyward.server.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The validated, immutable configuration of one node (see {@code docs/configuration.md}). Built only by
 * {@link ConfigLoader}, which has already checked every value; code that receives a {@code NodeConfig}
 * can trust it.
 *
 * @param dataDir where the node keeps its SQLite database, root key file and self-signed certificate
 */
public record NodeConfig(Path dataDir, ServerConfig server, TlsConfig tls, StorageConfig storage, RootLockConfig rootLock,
                         AccountsConfig accounts, SessionsConfig sessions, RateLimitConfig rateLimit, AuditConfig audit,
                         KeystoresConfig keystores, SecretsConfig secrets) {
    /** A configuration with the default account, session, rate-limit, audit, keystore and secret-storage settings. */
    public NodeConfig(Path dataDir, ServerConfig server, TlsConfig tls, StorageConfig storage, RootLockConfig rootLock) {
        this(dataDir, server, tls, storage, rootLock, AccountsConfig.DEFAULT, SessionsConfig.DEFAULT, RateLimitConfig.DEFAULT,
                AuditConfig.DEFAULT, KeystoresConfig.DEFAULT, SecretsConfig.DEFAULT);
    }

    /** A configuration with the default keystore and secret-storage settings. */
    public NodeConfig(Path dataDir, ServerConfig server, TlsConfig tls, StorageConfig storage, RootLockConfig rootLock,
            AccountsConfig accounts, SessionsConfig sessions, RateLimitConfig rateLimit, AuditConfig audit) {
        this(dataDir, server, tls, storage, rootLock, accounts, sessions, rateLimit, audit, KeystoresConfig.DEFAULT,
                SecretsConfig.DEFAULT);
    }

    /** A configuration with the default secret-storage settings. */
    public NodeConfig(Path dataDir, ServerConfig server, TlsConfig tls, StorageConfig storage, RootLockConfig rootLock,
            AccountsConfig accounts, SessionsConfig sessions, RateLimitConfig rateLimit, AuditConfig audit,
            KeystoresConfig keystores) {
        this(dataDir, server, tls, storage, rootLock, accounts, sessions, rateLimit, audit, keystores, SecretsConfig.DEFAULT);
    }

    /** A configuration with the default keystore settings. */
    public NodeConfig(Path dataDir, ServerConfig server, TlsConfig tls, StorageConfig storage, RootLockConfig rootLock,
            AccountsConfig accounts, SessionsConfig sessions, RateLimitConfig rateLimit, AuditConfig audit,
            SecretsConfig secrets) {
        this(dataDir, server, tls, storage, rootLock, accounts, sessions, rateLimit, audit, KeystoresConfig.DEFAULT, secrets);
    }

    public NodeConfig {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(rootLock, "rootLock");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(keystores, "keystores");
    }
}
