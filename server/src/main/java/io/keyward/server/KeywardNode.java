package io.keyward.server;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.keyward.server.account.Accounts;
import io.keyward.server.audit.AuditHook;
import io.keyward.server.audit.AuditKey;
import io.keyward.server.audit.AuditLog;
import io.keyward.server.audit.AuditRoutes;
import io.keyward.server.audit.CheckpointScheduler;
import io.keyward.server.audit.UserAuditRoutes;
import io.keyward.server.config.NodeConfig;
import io.keyward.server.config.RootLockConfig;
import io.keyward.server.config.StorageConfig;
import io.keyward.server.config.TlsConfig;
import io.keyward.server.http.AdminAuthenticator;
import io.keyward.server.http.ApiModule;
import io.keyward.server.http.ApiServer;
import io.keyward.server.http.NodeRoutes;
import io.keyward.server.http.NodeStatus;
import io.keyward.server.lock.AwsKmsRootLock;
import io.keyward.server.lock.KeyFileRootLock;
import io.keyward.server.lock.Pkcs11RootLock;
import io.keyward.server.lock.RootLock;
import io.keyward.server.lock.RootLockCheck;
import io.keyward.server.lock.RootLockException;
import io.keyward.server.secret.SecretLimits;
import io.keyward.server.secret.Secrets;
import io.keyward.server.store.Database;
import io.keyward.server.store.Databases;
import io.keyward.server.store.ServerSettings;
import io.keyward.server.store.StorageSettings;
import io.keyward.server.store.StoreException;
import io.keyward.server.tls.SelfSignedCertificate;
import io.keyward.server.tls.TlsException;
import io.keyward.server.tls.TlsMaterial;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Keyward node: configuration -> data directory -> root lock -> database -> HTTPS API.
 *
 * <p>{@link #start()} on an empty data directory is the first start: it creates the directory (0700),
 * the root key file (0600, for the {@code file} root lock; an HSM key with {@code create_key}), the SQLite database, a self-signed certificate and the admin token. Later
 * starts reuse all of it. A data directory that holds a database but whose root key file is missing,
 * unreadable by policy or wrong is refused with one line, before anything is created or changed.
 *
 * <p>Tests run nodes in-process on port 0; the {@code keyward server} command adds the JVM shutdown hook.
 */
public final class KeywardNode implements AutoCloseable {
    public static final String TLS_CERT_FILE = "tls-cert.pem";
    public static final String TLS_KEY_FILE = "tls-key.pem";
    private static final Logger LOG = LoggerFactory.getLogger(KeywardNode.class);

    private final NodeConfig config;
    private final List<ApiModule> modules;
    private final Clock clock;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private ApiServer api;
    private TlsMaterial tls;
    private Database database;
    private RootLock rootLock;
    private AuditLog auditLog;
    private Instant startedAt;
    private boolean started;
    private boolean stopped;

    /**
     * A node with its own routes (health, readiness, metrics, OpenAPI, admin node status) and the built-in
     * capabilities (accounts and sessions).
     */
    public KeywardNode(NodeConfig config) {
        this(config, List.of());
    }

    /** A node with additional capability routes. Nothing happens until {@link #start()}. */
    public KeywardNode(NodeConfig config, List<ApiModule> modules) {
        this(config, modules, Clock.systemUTC());
    }

    /**
     * @param clock the time the capabilities see (session expiry, rate limits, token lifetimes); tests pass
     *     one they can move
     */
    public KeywardNode(NodeConfig config, List<ApiModule> modules, Clock clock) {
        this.config = config;
        this.modules = List.copyOf(modules);
        this.clock = clock;
    }

    /**
     * Prepares the data directory, opens the root lock and database, and starts serving.
     *
     * @throws NodeStartException with a one-line reason; a refused first start leaves no files behind
     */
    public synchronized StartReport start() {
        if (started) {
            throw new IllegalStateException("a node starts once");
        }
        started = true;
        Path dataDir = config.dataDir();
        Optional<Path> keyFile = config.rootLock() instanceof RootLockConfig.KeyFile file
                ? Optional.of(file.keyFile()) : Optional.empty();
        StorageSettings storage = storageSettings(dataDir, config.storage());
        boolean hasDatabase = storage.usesSqlite() && Files.exists(storage.sqliteFile(), LinkOption.NOFOLLOW_LINKS);
        // An HSM or KMS key is not a file here: it exists or not in its own place, checked when opened.
        boolean keyExists = keyFile.map(file -> Files.exists(file, LinkOption.NOFOLLOW_LINKS)).orElse(true);
        CreatedFiles created = new CreatedFiles();
        try {
            // 1. Everything that can be checked without writing comes first.
            Optional<TlsMaterial> configuredTls = loadConfiguredTls(config.tls());
            Path certFile = dataDir.resolve(TLS_CERT_FILE);
            Path tlsKeyFile = dataDir.resolve(TLS_KEY_FILE);
            if (configuredTls.isEmpty() && Files.exists(certFile) != Files.exists(tlsKeyFile)) {
                Path present = Files.exists(certFile) ? certFile : tlsKeyFile;
                throw new NodeStartException("tls: " + present + " exists without its "
                        + (present == certFile ? "key " + tlsKeyFile : "certificate " + certFile)
                        + "; restore it, or remove both to create a new certificate");
            }
            if (!keyExists && hasDatabase) {
                throw new NodeStartException("root key file " + keyFile.orElseThrow() + " is missing but the database "
                        + storage.sqliteFile() + " exists: restore the key file from its backup"
                        + " (a new key could not open this database)");
            }

            // 2. The root key: a key file is created only on a first start, and always opened (which
            //    checks its mode); an HSM key is generated only when configured and no database exists
            //    yet; a KMS key is the operator's. Opening contacts the HSM; KMS is first called in 3.
            boolean rootKeyCreated = false;
            switch (config.rootLock()) {
                case RootLockConfig.KeyFile file -> {
                    if (!keyExists) {
                        createDirectory(dataDir, created);
                        createDirectory(file.keyFile().toAbsolutePath().getParent(), created);
                        KeyFileRootLock.createKeyFile(file.keyFile());
                        created.add(file.keyFile());
                        rootKeyCreated = true;
                    }
                    rootLock = KeyFileRootLock.open(file.keyFile());
                }
                case RootLockConfig.Pkcs11 hsm -> rootLock = Pkcs11RootLock.open(new RootLockConfig.Pkcs11(hsm.library(),
                        hsm.slot(), hsm.pin(), hsm.keyLabel(), hsm.createKey() && !hasDatabase));
                case RootLockConfig.AwsKms kms -> rootLock = AwsKmsRootLock.open(kms);
            }
            resources.add(rootLock);

            // 3. The database, and the proof that this root key is the one it was created with.
            createDirectory(dataDir, created);
            if (storage.usesSqlite() && !hasDatabase) {
                for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                    created.add(storage.sqliteFile().resolveSibling(storage.sqliteFile().getFileName() + suffix));
                }
            }
            database = Databases.open(storage);
            resources.add(database);
            ServerSettings settings = new ServerSettings(database);
            RootLockCheck.verifyOrRecord(rootLock, settings);
            if (!storage.usesSqlite()) {
                // A shared database now records this key; deleting the key file would orphan it.
                created.keep();
            }

            // 4. The TLS certificate.
            boolean certificateCreated = false;
            if (configuredTls.isPresent()) {
                tls = configuredTls.get();
            } else {
                if (!Files.exists(certFile)) {
                    SelfSignedCertificate.create(certFile, tlsKeyFile, extraCertificateNames(config.server().host()));
                    created.add(certFile);
                    created.add(tlsKeyFile);
                    certificateCreated = true;
                    if (hasDatabase) {
                        LOG.warn("created a new self-signed certificate in {}; clients that pinned the old one must pin again",
                                dataDir);
                    }
                }
                tls = TlsMaterial.load(certFile, tlsKeyFile);
            }

            // 5. Serve.
            PrometheusMeterRegistry registry = metrics(database);
            startedAt = Instant.now();
            RootLock lock = rootLock;
            auditLog = new AuditLog(database, memoized(() -> AuditKey.loadOrCreate(lock, settings)), clock);
            List<ApiModule> all = new ArrayList<>();
            all.add(new NodeRoutes(this::notReadyReason, registry, this::status));
            all.add(new AuditRoutes(auditLog));
            Accounts accounts = new Accounts(config, database, rootLock, clock, auditLog);
            // The first node to start on an empty database creates the default org (idempotent across nodes).
            accounts.orgs().ensureDefaultOrg(config.accounts().defaultOrgKsf());
            all.addAll(accounts.modules());
            all.add(new UserAuditRoutes(auditLog, accounts.sealedRoutes()));
            all.add(new io.keyward.server.keystore.Keystores(database, rootLock,
                    config.keystores(), clock).routes(accounts.sealedRoutes(), auditLog));
            all.add(new Secrets(database, accounts.sealedRoutes(), SecretLimits.of(config.secrets()), clock, auditLog).routes());
            all.addAll(modules);
            api = new ApiServer(config.server(), tls, registry,
                    new AdminAuthenticator(() -> settings.get(AdminToken.SETTING)), new AuditHook(auditLog), all);
            api.start();
            resources.add(CheckpointScheduler.start(auditLog, config.audit().checkpointInterval()));
            created.keep();

            // 6. The admin token, once per database, after the node is known to be able to serve.
            Optional<String> newToken = Optional.empty();
            if (settings.get(AdminToken.SETTING).isEmpty()) {
                String token = AdminToken.generate();
                if (settings.putIfAbsent(AdminToken.SETTING, AdminToken.hash(token))) {
                    newToken = Optional.of(token);
                }
            }
            String url = "https://" + urlHost(config.server().host()) + ":" + api.port();
            LOG.info("listening on {} (certificate SHA-256 {})", url, tls.fingerprint());
            return new StartReport(url, tls.fingerprint(), newToken, rootLock.keyId(), keyFile, rootKeyCreated,
                    certificateCreated);
        } catch (RuntimeException e) {
            closeQuietly();
            created.rollback();
            throw asStartFailure(e);
        }
    }

    /** The bound port (after {@link #start()}). */
    public int port() {
        return api.port();
    }

    /** The TLS certificate fingerprint clients pin (after {@link #start()}). */
    public String fingerprint() {
        return tls.fingerprint();
    }

    /** The certificate the node serves (after {@link #start()}). */
    public java.security.cert.X509Certificate certificate() {
        return tls.certificate();
    }

    /** The node's audit log (after {@link #start()}). */
    public AuditLog auditLog() {
        return auditLog;
    }

    /** Every route the node serves, as {@code METHOD path} (after {@link #start()}). */
    public Set<String> routes() {
        return api.routes();
    }

    /**
     * Stops accepting connections, lets in-flight requests finish within {@code server.shutdown_grace},
     * then closes the database pool and the root lock. Safe to call more than once.
     */
    public synchronized void stop() {
        if (stopped || !started) {
            return;
        }
        stopped = true;
        closeQuietly();
        LOG.info("stopped");
    }

    @Override
    public void close() {
        stop();
    }

    private void closeQuietly() {
        if (api != null) {
            try {
                api.stop();
            } catch (RuntimeException e) {
                LOG.warn("stopping the HTTP server: {}", e.getMessage());
            }
        }
        for (AutoCloseable resource : resources.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", resource.getClass().getSimpleName(), e.getMessage());
            }
        }
        resources.clear();
    }

    private Optional<String> notReadyReason() {
        if (!database.isUsable()) {
            return Optional.of("the database does not answer");
        }
        Optional<String> lockUnavailable = rootLock.unavailableReason();
        if (lockUnavailable.isPresent()) {
            return lockUnavailable;
        }
        try {
            RootLockCheck.verifyOrRecord(rootLock, new ServerSettings(database));
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("the root lock cannot unwrap its key check");
        }
    }

    private NodeStatus status() {
        return new NodeStatus(KeywardVersion.get(), startedAt,
                Duration.between(startedAt, Instant.now()).toSeconds(),
                database.kind() == Database.Kind.SQLITE ? "sqlite" : "postgres",
                rootLock.keyId(), tls.fingerprint());
    }

    /** Computes the value once, on first use (the audit key is unwrapped or created only when needed). */
    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    private PrometheusMeterRegistry metrics(Database db) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        resources.add(registry::close);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        resources.add(gc);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        try {
            if (db.dataSource().isWrapperFor(HikariDataSource.class)) {
                db.dataSource().unwrap(HikariDataSource.class)
                        .setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
            }
        } catch (java.sql.SQLException | IllegalStateException e) {
            LOG.warn("connection pool metrics are unavailable: {}", e.getMessage());
        }
        return registry;
    }

    private static StorageSettings storageSettings(Path dataDir, StorageConfig storage) {
        return new StorageSettings(storage.embedded() ? null : storage.jdbcUrl(), dataDir,
                storage.username(), storage.password(), storage.maxPoolSize());
    }

    private static Optional<TlsMaterial> loadConfiguredTls(TlsConfig tls) {
        if (tls.selfSigned()) {
            return Optional.empty();
        }
        Path keyFile = tls.keyFile().orElseThrow();
        try {
            Set<java.nio.file.attribute.PosixFilePermission> mode = Files.getPosixFilePermissions(keyFile);
            if (mode.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)) {
                LOG.warn("the TLS key file {} is readable by everyone; chmod 600 it", keyFile);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // The load below reports an unreadable file.
        }
        return Optional.of(TlsMaterial.load(tls.certFile().orElseThrow(), keyFile));
    }

    /** Creates a missing directory with mode 0700 and records it; an existing one is left as it is. */
    private static void createDirectory(Path dir, CreatedFiles created) {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        try {
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                createDirectory(parent, created);
            }
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            created.add(dir);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw new NodeStartException("data directory " + dir + " exists and is not a directory");
            }
        } catch (IOException e) {
            throw new NodeStartException("cannot create directory " + dir + ": " + e.getMessage());
        }
    }

    /** The listen host goes into the certificate too, unless it is a wildcard or loopback. */
    private static List<String> extraCertificateNames(String host) {
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("127.0.0.1") || host.equals("::1")
                || host.equals("localhost")) {
            return List.of();
        }
        return List.of(host);
    }

    private static String urlHost(String host) {
        if (host.equals("0.0.0.0")) {
            return "127.0.0.1";
        }
        if (host.equals("::")) {
            return "[::1]";
        }
        try {
            return InetAddress.ofLiteral(host) instanceof java.net.Inet6Address ? "[" + host + "]" : host;
        } catch (IllegalArgumentException e) {
            return host;
        }
    }

    private static NodeStartException asStartFailure(RuntimeException e) {
        return switch (e) {
            case NodeStartException n -> n;
            case RootLockException r -> new NodeStartException(r.getMessage(), r);
            case StoreException s -> new NodeStartException("storage: " + s.getMessage(), s);
            case TlsException t -> new NodeStartException(t.getMessage(), t);
            case IllegalStateException i when i.getMessage() != null && i.getMessage().startsWith("cannot listen")
                    -> new NodeStartException(i.getMessage(), i);
            default -> new NodeStartException("cannot start: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        };
    }
}
