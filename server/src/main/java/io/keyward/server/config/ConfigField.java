package io.keyward.server.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every configuration field, by its dotted name in the YAML file. The environment variable is derived
 * from the name ({@code server.port} is {@code KEYWARD_SERVER_PORT}), so file, environment and
 * documentation cannot drift apart.
 */
public enum ConfigField {
    DATA_DIR("data_dir", false, "KEYWARD_DATA"),
    SERVER_HOST("server.host", false),
    SERVER_PORT("server.port", false),
    SERVER_SHUTDOWN_GRACE("server.shutdown_grace", false),
    SERVER_MAX_BODY_BYTES("server.limits.max_body_bytes", false),
    SERVER_MAX_HEADER_BYTES("server.limits.max_header_bytes", false),
    TLS_CERT_FILE("tls.cert_file", false),
    TLS_KEY_FILE("tls.key_file", false),
    STORAGE_JDBC_URL("storage.jdbc_url", true),
    STORAGE_USERNAME("storage.username", false),
    STORAGE_PASSWORD("storage.password", true),
    STORAGE_MAX_POOL_SIZE("storage.max_pool_size", false),
    ROOT_LOCK_PROVIDER("root_lock.provider", false),
    ROOT_LOCK_KEY_FILE("root_lock.key_file", false),
    ROOT_LOCK_PKCS11_LIBRARY("root_lock.pkcs11.library", false),
    ROOT_LOCK_PKCS11_SLOT("root_lock.pkcs11.slot", false),
    ROOT_LOCK_PKCS11_SLOT_LIST_INDEX("root_lock.pkcs11.slot_list_index", false),
    ROOT_LOCK_PKCS11_PIN("root_lock.pkcs11.pin", true),
    ROOT_LOCK_PKCS11_PIN_FILE("root_lock.pkcs11.pin_file", false),
    ROOT_LOCK_PKCS11_KEY_LABEL("root_lock.pkcs11.key_label", false),
    ROOT_LOCK_PKCS11_CREATE_KEY("root_lock.pkcs11.create_key", false),
    ROOT_LOCK_AWS_KMS_KEY_ID("root_lock.aws_kms.key_id", false),
    ROOT_LOCK_AWS_KMS_REGION("root_lock.aws_kms.region", false),
    ROOT_LOCK_AWS_KMS_ENDPOINT("root_lock.aws_kms.endpoint", false),
    ROOT_LOCK_AWS_KMS_CACHE_TTL("root_lock.aws_kms.cache_ttl", false),
    ROOT_LOCK_AWS_KMS_READY_CHECK_INTERVAL("root_lock.aws_kms.ready_check_interval", false),
    ACCOUNTS_DEFAULT_ORG_KSF("accounts.default_org_ksf", false),
    ACCOUNTS_ALLOW_IDENTITY_KSF("accounts.allow_identity_ksf", false),
    SESSIONS_TTL("sessions.ttl", false),
    SESSIONS_IDLE_TIMEOUT("sessions.idle_timeout", false),
    SESSIONS_REQUEST_LIMIT("sessions.request_limit", false),
    RATE_LIMIT_ACCOUNT_FAILURES("rate_limit.account_failures", false),
    RATE_LIMIT_ADDRESS_FAILURES("rate_limit.address_failures", false),
    RATE_LIMIT_WINDOW("rate_limit.window", false),
    RATE_LIMIT_BASE_DELAY("rate_limit.base_delay", false),
    RATE_LIMIT_MAX_DELAY("rate_limit.max_delay", false),
    SECRETS_MAX_NAME_LENGTH("secrets.max_name_length", false),
    SECRETS_MAX_ITEM_BYTES("secrets.max_item_bytes", false),
    SECRETS_MAX_ITEMS("secrets.max_items", false),
    SECRETS_MAX_KEYS("secrets.max_keys", false),
    AUDIT_CHECKPOINT_INTERVAL("audit.checkpoint_interval", false),
    KEYSTORES_CACHE_TTL("keystores.cache_ttl", false),
    KEYSTORES_CACHE_SIZE("keystores.cache_size", false);

    private final String key;
    /** A JDBC URL may carry a password, a PIN is one; such values are never echoed in errors. */
    private final boolean secret;
    private final List<String> envNames;

    ConfigField(String key, boolean secret, String... aliases) {
        this.key = key;
        this.secret = secret;
        String derived = "KEYWARD_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
        // A short alias is checked first; the derived name also works.
        this.envNames = aliases.length == 0 ? List.of(derived) : List.of(aliases[0], derived);
    }

    /** The dotted name, as written in the YAML file and in error messages. */
    public String key() {
        return key;
    }

    public boolean secret() {
        return secret;
    }

    /** The environment variables that set this field, in the order they are looked up. */
    public List<String> envNames() {
        return envNames;
    }

    static Optional<ConfigField> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    /** True when {@code prefix} names a section (a YAML mapping) that contains fields. */
    static boolean isSection(String prefix) {
        return Arrays.stream(values()).anyMatch(f -> f.key.startsWith(prefix + "."));
    }
}
