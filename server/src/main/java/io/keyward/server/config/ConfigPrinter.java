package io.keyward.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the effective configuration as YAML in the file's own shape ({@code keyward server
 * --print-config}), so the output can be saved and used as a configuration file. Secrets are
 * replaced by {@code ****}.
 */
public final class ConfigPrinter {
    private ConfigPrinter() {}

    public static String yaml(NodeConfig config) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("data_dir", text(config.dataDir()));

        ServerConfig server = config.server();
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("max_body_bytes", server.limits().maxBodyBytes());
        limits.put("max_header_bytes", server.limits().maxHeaderBytes());
        Map<String, Object> serverMap = new LinkedHashMap<>();
        serverMap.put("host", server.host());
        serverMap.put("port", server.port());
        serverMap.put("shutdown_grace", duration(server.shutdownGrace()));
        serverMap.put("limits", limits);
        root.put("server", serverMap);

        Map<String, Object> tls = new LinkedHashMap<>();
        tls.put("cert_file", config.tls().certFile().map(ConfigPrinter::text).orElse(null));
        tls.put("key_file", config.tls().keyFile().map(ConfigPrinter::text).orElse(null));
        root.put("tls", tls);

        StorageConfig storage = config.storage();
        Map<String, Object> storageMap = new LinkedHashMap<>();
        storageMap.put("jdbc_url", storage.embedded() ? null : Secrets.maskJdbcUrl(storage.jdbcUrl()));
        storageMap.put("username", storage.username());
        storageMap.put("password", Secrets.mask(storage.password()));
        storageMap.put("max_pool_size", storage.maxPoolSize());
        root.put("storage", storageMap);

        Map<String, Object> lock = new LinkedHashMap<>();
        lock.put("provider", config.rootLock().provider());
        switch (config.rootLock()) {
            case RootLockConfig.KeyFile file -> lock.put("key_file", text(file.keyFile()));
            case RootLockConfig.Pkcs11 hsm -> {
                Map<String, Object> pkcs11 = new LinkedHashMap<>();
                pkcs11.put("library", text(hsm.library()));
                switch (hsm.slot()) {
                    case RootLockConfig.Pkcs11.Slot.Id id -> pkcs11.put("slot", id.id());
                    case RootLockConfig.Pkcs11.Slot.ListIndex index -> pkcs11.put("slot_list_index", index.index());
                }
                // Wherever it came from (inline, environment or pin_file), the PIN is printed masked.
                pkcs11.put("pin", Secrets.mask(hsm.pin()));
                pkcs11.put("key_label", hsm.keyLabel());
                pkcs11.put("create_key", hsm.createKey());
                lock.put("pkcs11", pkcs11);
            }
            case RootLockConfig.AwsKms kms -> {
                Map<String, Object> aws = new LinkedHashMap<>();
                aws.put("key_id", kms.keyId());
                aws.put("region", kms.region());
                aws.put("endpoint", kms.endpoint().map(Object::toString).orElse(null));
                aws.put("cache_ttl", duration(kms.cacheTtl()));
                aws.put("ready_check_interval", duration(kms.readyCheckInterval()));
                lock.put("aws_kms", aws);
            }
        }
        root.put("root_lock", lock);

        Map<String, Object> accounts = new LinkedHashMap<>();
        accounts.put("default_org_ksf", config.accounts().defaultOrgKsf());
        accounts.put("allow_identity_ksf", config.accounts().allowIdentityKsf());
        root.put("accounts", accounts);

        Map<String, Object> sessions = new LinkedHashMap<>();
        sessions.put("ttl", duration(config.sessions().ttl()));
        sessions.put("idle_timeout", duration(config.sessions().idleTimeout()));
        sessions.put("request_limit", config.sessions().requestLimit().map(Object::toString).orElse("none"));
        root.put("sessions", sessions);

        Map<String, Object> rateLimit = new LinkedHashMap<>();
        rateLimit.put("account_failures", config.rateLimit().accountFailures());
        rateLimit.put("address_failures", config.rateLimit().addressFailures());
        rateLimit.put("window", duration(config.rateLimit().window()));
        rateLimit.put("base_delay", duration(config.rateLimit().baseDelay()));
        rateLimit.put("max_delay", duration(config.rateLimit().maxDelay()));
        root.put("rate_limit", rateLimit);
        Map<String, Object> secrets = new LinkedHashMap<>();
        secrets.put("max_name_length", config.secrets().maxNameLength());
        secrets.put("max_item_bytes", config.secrets().maxItemBytes());
        secrets.put("max_items", config.secrets().maxItems());
        secrets.put("max_keys", config.secrets().maxKeys());
        root.put("secrets", secrets);

        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("checkpoint_interval", duration(config.audit().checkpointInterval()));
        root.put("audit", audit);
        Map<String, Object> keystores = new LinkedHashMap<>();
        keystores.put("cache_ttl", duration(config.keystores().cacheTtl()));
        keystores.put("cache_size", config.keystores().cacheSize());
        root.put("keystores", keystores);

        try {
            return YAMLMapper.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .build()
                    .writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The largest whole unit the loader reads back: h, m, s or ms. */
    private static String duration(java.time.Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    private static String text(Path path) {
        return path.toString();
    }
}
