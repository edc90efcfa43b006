package io.keyward.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the configuration from its {@link ConfigSources}, checks every value, and returns an immutable
 * {@link NodeConfig}. Has no side effects: it creates nothing and opens nothing but the YAML file, so a
 * refused configuration leaves the data directory exactly as it was.
 *
 * <p>Every failure is a {@link ConfigException} with one line naming the field, what is allowed, the
 * offending value (never for secrets) and where it came from.
 */
public final class ConfigLoader {
    public static final String DEFAULT_DATA_DIR = "keyward-data";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8443;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
    public static final long DEFAULT_MAX_BODY_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_HEADER_BYTES = 16 << 10;
    public static final int DEFAULT_MAX_POOL_SIZE = 10;
    public static final String ROOT_KEY_FILE_NAME = "root.key";
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofMinutes(10);
    public static final String DEFAULT_PKCS11_KEY_LABEL = "keyward-root";
    public static final Duration DEFAULT_KMS_CACHE_TTL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_KMS_READY_CHECK_INTERVAL = Duration.ofSeconds(10);

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(B|KiB|MiB|GiB)?");
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern KEY_LABEL = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Key ids, key ARNs, alias names and alias ARNs: the characters KMS allows in them, at most 2048. */
    private static final Pattern KMS_KEY_ID = Pattern.compile("[A-Za-z0-9:/_.+=@-]{1,2048}");
    private static final Pattern KMS_ARN = Pattern.compile("arn:aws[a-z-]*:kms:([a-z0-9-]+):\\d{12}:(key|alias)/.+");
    private static final Pattern AWS_REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private ConfigLoader() {}

    /** A raw value and where it came from, for error messages. */
    private record Raw(String text, String origin) {}

    public static NodeConfig load(ConfigSources sources) {
        Map<ConfigField, Raw> raw = new EnumMap<>(ConfigField.class);
        sources.file().ifPresent(file -> readFile(file, raw));
        for (ConfigField field : ConfigField.values()) {
            for (String name : field.envNames().reversed()) { // the alias (first) wins over the derived name
                String value = sources.env().get(name);
                if (value != null) {
                    raw.put(field, new Raw(value, name));
                }
            }
        }
        sources.flags().forEach((field, value) -> {
            if (value != null) {
                raw.put(field, new Raw(value, "the command line"));
            }
        });
        return new Values(raw).build();
    }

    // ---- the YAML file -------------------------------------------------------------------------

    private static void readFile(Path file, Map<ConfigField, Raw> raw) {
        String origin = file.toString();
        JsonNode root;
        try {
            YAMLMapper yaml = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
            root = yaml.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException("config: file " + origin + " does not exist");
        } catch (JsonProcessingException e) {
            throw new ConfigException("config: " + origin + " is not valid YAML: " + yamlProblem(e.getOriginalMessage())
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new ConfigException("config: cannot read " + origin + ": " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return; // an empty file sets nothing
        }
        if (!root.isObject()) {
            throw new ConfigException("config: " + origin + " must hold a YAML mapping of fields (see docs/configuration.md)");
        }
        walk(root, "", origin, raw);
    }

    /**
     * The parser's message on one line, without the quoted source lines and caret (they could echo a
     * secret value from the file).
     */
    private static String yamlProblem(String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .map(String::strip)
                .reduce((a, b) -> a + ": " + b)
                .orElse("unreadable");
    }

    private static void walk(JsonNode node, String prefix, String origin, Map<ConfigField, Raw> raw) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            JsonNode value = entry.getValue();
            Optional<ConfigField> field = ConfigField.byKey(key);
            if (field.isPresent()) {
                if (value.isNull()) {
                    continue; // "field:" with no value keeps the default
                }
                if (!value.isValueNode()) {
                    throw new ConfigException("config: " + key + " must be a single value, not a "
                            + (value.isArray() ? "list" : "mapping") + " (in " + origin + ")");
                }
                raw.put(field.get(), new Raw(value.asText(), origin));
            } else if (ConfigField.isSection(key)) {
                if (value.isNull()) {
                    continue;
                }
                if (!value.isObject()) {
                    throw new ConfigException("config: " + key + " must be a mapping of fields (in " + origin + ")");
                }
                walk(value, key, origin, raw);
            } else {
                // A typo in a key server's configuration must not pass silently.
                throw new ConfigException("config: unknown field " + key + " in " + origin
                        + " (see docs/configuration.md for the fields)");
            }
        }
    }

    // ---- checking and building ----------------------------------------------------------------

    private static final class Values {
        private final Map<ConfigField, Raw> raw;

        Values(Map<ConfigField, Raw> raw) {
            this.raw = raw;
        }

        NodeConfig build() {
            Path dataDir = path(ConfigField.DATA_DIR).orElse(absolute(Path.of(DEFAULT_DATA_DIR)));
            if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
                throw invalid(ConfigField.DATA_DIR, "a directory (it is created on first start)");
            }
            ServerConfig server = new ServerConfig(
                    host(ConfigField.SERVER_HOST),
                    integer(ConfigField.SERVER_PORT, 0, 65535, DEFAULT_PORT, "0-65535 (0 picks a free port)"),
                    duration(ConfigField.SERVER_SHUTDOWN_GRACE, Duration.ZERO, Duration.ofMinutes(10), DEFAULT_SHUTDOWN_GRACE),
                    new LimitsConfig(
                            size(ConfigField.SERVER_MAX_BODY_BYTES, 1024, 1L << 30, DEFAULT_MAX_BODY_BYTES, "1KiB-1GiB"),
                            (int) size(ConfigField.SERVER_MAX_HEADER_BYTES, 1024, 1L << 20, DEFAULT_MAX_HEADER_BYTES, "1KiB-1MiB")));
            AuditConfig audit = new AuditConfig(duration(ConfigField.AUDIT_CHECKPOINT_INTERVAL, Duration.ZERO,
                    Duration.ofHours(24), DEFAULT_CHECKPOINT_INTERVAL));
            return new NodeConfig(dataDir, server, tls(), storage(), rootLock(dataDir), accounts(), sessions(),
                    rateLimit(), audit, keystores(), secrets());
        }

        private TlsConfig tls() {
            Optional<Path> cert = path(ConfigField.TLS_CERT_FILE);
            Optional<Path> key = path(ConfigField.TLS_KEY_FILE);
            if (cert.isPresent() != key.isPresent()) {
                ConfigField missing = cert.isPresent() ? ConfigField.TLS_KEY_FILE : ConfigField.TLS_CERT_FILE;
                throw new ConfigException("config: " + missing.key() + " must be set together with "
                        + (cert.isPresent() ? ConfigField.TLS_CERT_FILE : ConfigField.TLS_KEY_FILE).key()
                        + " (or leave both unset for a self-signed certificate)");
            }
            readableFile(ConfigField.TLS_CERT_FILE, cert);
            readableFile(ConfigField.TLS_KEY_FILE, key);
            return new TlsConfig(cert, key);
        }

        private StorageConfig storage() {
            String url = text(ConfigField.STORAGE_JDBC_URL).map(String::strip).orElse("");
            if (!url.isEmpty() && !url.startsWith("jdbc:postgresql:")) {
                throw invalid(ConfigField.STORAGE_JDBC_URL, "a jdbc:postgresql: URL, or empty for SQLite in data_dir");
            }
            return new StorageConfig(url,
                    text(ConfigField.STORAGE_USERNAME).orElse(null),
                    text(ConfigField.STORAGE_PASSWORD).orElse(null),
                    integer(ConfigField.STORAGE_MAX_POOL_SIZE, 1, 200, DEFAULT_MAX_POOL_SIZE, "1-200"));
        }

        private RootLockConfig rootLock(Path dataDir) {
            String provider = text(ConfigField.ROOT_LOCK_PROVIDER).map(String::strip).orElse("file");
            RootLockConfig config = switch (provider) {
                case "file" -> new RootLockConfig.KeyFile(
                        path(ConfigField.ROOT_LOCK_KEY_FILE).orElse(dataDir.resolve(ROOT_KEY_FILE_NAME)));
                case "pkcs11" -> pkcs11();
                case "aws-kms" -> awsKms();
                default -> throw invalid(ConfigField.ROOT_LOCK_PROVIDER, "file, pkcs11 or aws-kms");
            };
            // A field of another provider is a mistake the operator should hear about, not a silent no-op.
            for (ConfigField field : ConfigField.values()) {
                String section = rootLockSection(field);
                if (section != null && !section.equals(provider) && raw.containsKey(field)
                        && !raw.get(field).text().isEmpty()) {
                    throw new ConfigException("config: " + field.key() + " applies only to root_lock.provider "
                            + section + ", but the provider is " + provider + " (from " + raw.get(field).origin() + ")");
                }
            }
            return config;
        }

        private static String rootLockSection(ConfigField field) {
            if (field == ConfigField.ROOT_LOCK_KEY_FILE) {
                return "file";
            }
            if (field.key().startsWith("root_lock.pkcs11.")) {
                return "pkcs11";
            }
            if (field.key().startsWith("root_lock.aws_kms.")) {
                return "aws-kms";
            }
            return null;
        }

        private RootLockConfig.Pkcs11 pkcs11() {
            Path library = path(ConfigField.ROOT_LOCK_PKCS11_LIBRARY).orElseThrow(() -> new ConfigException(
                    "config: " + ConfigField.ROOT_LOCK_PKCS11_LIBRARY.key()
                            + " must be set to the token's PKCS#11 module (e.g. /usr/lib/softhsm/libsofthsm2.so)"));
            if (!(Files.isRegularFile(library) && Files.isReadable(library))) {
                throw invalid(ConfigField.ROOT_LOCK_PKCS11_LIBRARY, "a readable PKCS#11 module (a shared library file)");
            }
            boolean hasSlot = text(ConfigField.ROOT_LOCK_PKCS11_SLOT).isPresent();
            boolean hasIndex = text(ConfigField.ROOT_LOCK_PKCS11_SLOT_LIST_INDEX).isPresent();
            if (hasSlot && hasIndex) {
                throw new ConfigException("config: set " + ConfigField.ROOT_LOCK_PKCS11_SLOT.key() + " or "
                        + ConfigField.ROOT_LOCK_PKCS11_SLOT_LIST_INDEX.key() + ", not both");
            }
            RootLockConfig.Pkcs11.Slot slot;
            if (hasSlot) {
                String text = text(ConfigField.ROOT_LOCK_PKCS11_SLOT).orElseThrow().strip();
                try {
                    // SunPKCS11 reads the slot id as a Java int.
                    int id = Integer.parseInt(text);
                    if (id < 0) {
                        throw invalid(ConfigField.ROOT_LOCK_PKCS11_SLOT, "a slot id, 0-2147483647");
                    }
                    slot = new RootLockConfig.Pkcs11.Slot.Id(id);
                } catch (NumberFormatException e) {
                    throw invalid(ConfigField.ROOT_LOCK_PKCS11_SLOT, "a slot id, 0-2147483647");
                }
            } else {
                slot = new RootLockConfig.Pkcs11.Slot.ListIndex(
                        integer(ConfigField.ROOT_LOCK_PKCS11_SLOT_LIST_INDEX, 0, 1023, 0, "0-1023"));
            }
            boolean hasPin = text(ConfigField.ROOT_LOCK_PKCS11_PIN).isPresent();
            Optional<Path> pinFile = path(ConfigField.ROOT_LOCK_PKCS11_PIN_FILE);
            if (hasPin && pinFile.isPresent()) {
                throw new ConfigException("config: set " + ConfigField.ROOT_LOCK_PKCS11_PIN.key() + " or "
                        + ConfigField.ROOT_LOCK_PKCS11_PIN_FILE.key() + ", not both");
            }
            String pin = hasPin ? text(ConfigField.ROOT_LOCK_PKCS11_PIN).orElseThrow() : pinFile.map(this::readPin)
                    .orElseThrow(() -> new ConfigException("config: " + ConfigField.ROOT_LOCK_PKCS11_PIN_FILE.key()
                            + " (or " + ConfigField.ROOT_LOCK_PKCS11_PIN.envNames().getFirst()
                            + ") must give the token's user PIN"));
            if (pin.isEmpty() || pin.length() > 256 || pin.chars().anyMatch(Character::isISOControl)) {
                throw invalid(hasPin ? ConfigField.ROOT_LOCK_PKCS11_PIN : ConfigField.ROOT_LOCK_PKCS11_PIN_FILE,
                        "a PIN of 1 to 256 characters without control characters");
            }
            String label = text(ConfigField.ROOT_LOCK_PKCS11_KEY_LABEL).map(String::strip).orElse(DEFAULT_PKCS11_KEY_LABEL);
            if (!KEY_LABEL.matcher(label).matches()) {
                throw invalid(ConfigField.ROOT_LOCK_PKCS11_KEY_LABEL, "1 to 64 letters, digits, '.', '_' or '-'");
            }
            return new RootLockConfig.Pkcs11(library, slot, pin, label, bool(ConfigField.ROOT_LOCK_PKCS11_CREATE_KEY));
        }

        /** The PIN file's single line, without its line ending; the file must be private like a key file. */
        private String readPin(Path file) {
            ConfigField field = ConfigField.ROOT_LOCK_PKCS11_PIN_FILE;
            try {
                java.util.Set<java.nio.file.attribute.PosixFilePermission> mode = Files.getPosixFilePermissions(file);
                if (mode.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)
                        || mode.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)) {
                    throw new ConfigException("config: " + field.key() + " " + file
                            + " is readable by group or others; chmod 600 it");
                }
                if (Files.size(file) > 1024) {
                    throw invalid(field, "a file holding one line, the PIN");
                }
                String contents = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
                String pin = contents.endsWith("\r\n") ? contents.substring(0, contents.length() - 2)
                        : contents.endsWith("\n") ? contents.substring(0, contents.length() - 1) : contents;
                if (pin.contains("\n")) {
                    throw invalid(field, "a file holding one line, the PIN");
                }
                return pin;
            } catch (NoSuchFileException e) {
                throw invalid(field, "an existing file holding the PIN");
            } catch (IOException | UnsupportedOperationException e) {
                throw invalid(field, "a readable file holding the PIN");
            }
        }

        private RootLockConfig.AwsKms awsKms() {
            String keyId = text(ConfigField.ROOT_LOCK_AWS_KMS_KEY_ID).map(String::strip).orElseThrow(() ->
                    new ConfigException("config: " + ConfigField.ROOT_LOCK_AWS_KMS_KEY_ID.key()
                            + " must be set to a KMS key id, key ARN, alias/NAME or alias ARN"));
            if (!KMS_KEY_ID.matcher(keyId).matches()) {
                throw invalid(ConfigField.ROOT_LOCK_AWS_KMS_KEY_ID, "a KMS key id, key ARN, alias/NAME or alias ARN");
            }
            Matcher arn = KMS_ARN.matcher(keyId);
            Optional<String> region = text(ConfigField.ROOT_LOCK_AWS_KMS_REGION).map(String::strip);
            if (region.isPresent() && !AWS_REGION.matcher(region.get()).matches()) {
                throw invalid(ConfigField.ROOT_LOCK_AWS_KMS_REGION, "an AWS region such as eu-west-1");
            }
            if (region.isEmpty() && arn.matches()) {
                region = Optional.of(arn.group(1));
            }
            if (region.isEmpty()) {
                throw new ConfigException("config: " + ConfigField.ROOT_LOCK_AWS_KMS_REGION.key()
                        + " must be set (an AWS region such as eu-west-1) unless key_id is an ARN");
            }
            if (arn.matches() && !arn.group(1).equals(region.get())) {
                throw invalid(ConfigField.ROOT_LOCK_AWS_KMS_REGION, "the region of the key ARN, " + arn.group(1));
            }
            Optional<java.net.URI> endpoint = text(ConfigField.ROOT_LOCK_AWS_KMS_ENDPOINT).map(String::strip).map(text -> {
                try {
                    java.net.URI uri = new java.net.URI(text);
                    if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                            || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                        throw invalid(ConfigField.ROOT_LOCK_AWS_KMS_ENDPOINT, "an https:// (or http://) URL of a KMS endpoint");
                    }
                    return uri;
                } catch (java.net.URISyntaxException e) {
                    throw invalid(ConfigField.ROOT_LOCK_AWS_KMS_ENDPOINT, "an https:// (or http://) URL of a KMS endpoint");
                }
            });
            Duration ttl = duration(ConfigField.ROOT_LOCK_AWS_KMS_CACHE_TTL, Duration.ofSeconds(1), Duration.ofMinutes(60),
                    DEFAULT_KMS_CACHE_TTL);
            Duration ready = duration(ConfigField.ROOT_LOCK_AWS_KMS_READY_CHECK_INTERVAL, Duration.ZERO,
                    Duration.ofMinutes(10), DEFAULT_KMS_READY_CHECK_INTERVAL);
            return new RootLockConfig.AwsKms(keyId, region.get(), endpoint, ttl, ready);
        }

        private AccountsConfig accounts() {
            String ksf = text(ConfigField.ACCOUNTS_DEFAULT_ORG_KSF).map(String::strip).orElse(AccountsConfig.DEFAULT_KSF);
            boolean allowIdentity = bool(ConfigField.ACCOUNTS_ALLOW_IDENTITY_KSF);
            io.keyward.crypto.ksf.KeyStretching parsed;
            try {
                parsed = io.keyward.crypto.ksf.KeyStretching.parse(ksf);
            } catch (RuntimeException e) {
                throw invalid(ConfigField.ACCOUNTS_DEFAULT_ORG_KSF,
                        "a key-stretching function such as argon2id(m=65536,t=3,p=4) or scrypt(N=32768,r=8,p=1)");
            }
            if (parsed instanceof io.keyward.crypto.ksf.IdentityKsf && !allowIdentity) {
                throw invalid(ConfigField.ACCOUNTS_DEFAULT_ORG_KSF, "argon2id(...) or scrypt(...): identity does no "
                        + "key stretching and needs accounts.allow_identity_ksf: true (benchmarks and tests only)");
            }
            return new AccountsConfig(parsed.describe(), allowIdentity);
        }

        private SessionsConfig sessions() {
            SessionsConfig d = SessionsConfig.DEFAULT;
            Duration ttl = duration(ConfigField.SESSIONS_TTL, Duration.ofSeconds(10), Duration.ofDays(30), d.ttl());
            Duration idle = duration(ConfigField.SESSIONS_IDLE_TIMEOUT, Duration.ofSeconds(10), Duration.ofDays(30),
                    d.idleTimeout());
            Optional<Integer> limit = text(ConfigField.SESSIONS_REQUEST_LIMIT).map(String::strip)
                    .filter(s -> !s.isEmpty() && !s.equals("none"))
                    .map(s -> integer(ConfigField.SESSIONS_REQUEST_LIMIT, 1, 1_000_000_000, 0,
                            "none, or 1-1000000000 (1 = one request per login)"));
            return new SessionsConfig(ttl, idle, limit);
        }

        private KeystoresConfig keystores() {
            KeystoresConfig d = KeystoresConfig.DEFAULT;
            return new KeystoresConfig(
                    duration(ConfigField.KEYSTORES_CACHE_TTL, Duration.ZERO, Duration.ofDays(1), d.cacheTtl()),
                    integer(ConfigField.KEYSTORES_CACHE_SIZE, 1, 10_000_000, d.cacheSize(), "1-10000000"));
        }

        private RateLimitConfig rateLimit() {
            RateLimitConfig d = RateLimitConfig.DEFAULT;
            Duration base = duration(ConfigField.RATE_LIMIT_BASE_DELAY, Duration.ofMillis(1), Duration.ofHours(1), d.baseDelay());
            Duration max = duration(ConfigField.RATE_LIMIT_MAX_DELAY, Duration.ofMillis(1), Duration.ofDays(1), d.maxDelay());
            if (max.compareTo(base) < 0) {
                throw invalid(ConfigField.RATE_LIMIT_MAX_DELAY, "at least rate_limit.base_delay");
            }
            return new RateLimitConfig(
                    integer(ConfigField.RATE_LIMIT_ACCOUNT_FAILURES, 1, 1_000_000, d.accountFailures(), "1-1000000"),
                    integer(ConfigField.RATE_LIMIT_ADDRESS_FAILURES, 1, 1_000_000, d.addressFailures(), "1-1000000"),
                    duration(ConfigField.RATE_LIMIT_WINDOW, Duration.ofSeconds(1), Duration.ofDays(1), d.window()),
                    base, max);
        }

        private SecretsConfig secrets() {
            SecretsConfig d = SecretsConfig.DEFAULT;
            return new SecretsConfig(
                    integer(ConfigField.SECRETS_MAX_NAME_LENGTH, 1, 1024, d.maxNameLength(), "1-1024"),
                    size(ConfigField.SECRETS_MAX_ITEM_BYTES, 256, 16L << 20, d.maxItemBytes(), "256B-16MiB"),
                    integer(ConfigField.SECRETS_MAX_ITEMS, 1, 10_000_000, d.maxItems(), "1-10000000"),
                    integer(ConfigField.SECRETS_MAX_KEYS, 1, 1000, d.maxKeys(), "1-1000"));
        }

        // ---- typed readers ----

        private Optional<String> text(ConfigField field) {
            Raw value = raw.get(field);
            return value == null || value.text().isEmpty() ? Optional.empty() : Optional.of(value.text());
        }

        private Optional<Path> path(ConfigField field) {
            Optional<String> text = text(field).map(String::strip).filter(s -> !s.isEmpty());
            if (text.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(absolute(Path.of(text.get())));
            } catch (InvalidPathException e) {
                throw invalid(field, "a file system path");
            }
        }

        private void readableFile(ConfigField field, Optional<Path> path) {
            if (path.isPresent() && !(Files.isRegularFile(path.get()) && Files.isReadable(path.get()))) {
                throw invalid(field, "a readable PEM file");
            }
        }

        private boolean bool(ConfigField field) {
            Optional<String> text = text(field).map(String::strip);
            if (text.isEmpty()) {
                return false;
            }
            return switch (text.get()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw invalid(field, "true or false");
            };
        }

        private String host(ConfigField field) {
            String host = text(field).map(String::strip).orElse(DEFAULT_HOST);
            if (IP_LITERAL.matcher(host).matches()) {
                try {
                    InetAddress.ofLiteral(host); // parses only; never a DNS lookup at configuration time
                    return host;
                } catch (IllegalArgumentException e) {
                    throw invalid(field, "an IP address or a host name");
                }
            }
            if (!HOST_NAME.matcher(host).matches()) {
                throw invalid(field, "an IP address or a host name");
            }
            return host;
        }

        private int integer(ConfigField field, int min, int max, int fallback, String allowed) {
            Optional<String> text = text(field).map(String::strip);
            if (text.isEmpty()) {
                return fallback;
            }
            try {
                int value = Integer.parseInt(text.get());
                if (value < min || value > max) {
                    throw invalid(field, allowed);
                }
                return value;
            } catch (NumberFormatException e) {
                throw invalid(field, "an integer " + allowed);
            }
        }

        private Duration duration(ConfigField field, Duration min, Duration max, Duration fallback) {
            Optional<String> text = text(field).map(String::strip);
            if (text.isEmpty()) {
                return fallback;
            }
            String allowed = "a duration such as 500ms, 10s or 2m, at most " + (max.toMinutes() >= 60 && max.toMinutes() % 60 == 0
                    ? max.toHours() + "h" : max.toMinutes() + "m");
            Matcher m = DURATION.matcher(text.get());
            if (!m.matches()) {
                throw invalid(field, allowed);
            }
            long n = Long.parseLong(m.group(1));
            Duration value = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw invalid(field, allowed);
            }
            return value;
        }

        private long size(ConfigField field, long min, long max, long fallback, String range) {
            Optional<String> text = text(field).map(String::strip);
            if (text.isEmpty()) {
                return fallback;
            }
            String allowed = "a size in bytes " + range + " (a number, optionally with KiB, MiB or GiB)";
            Matcher m = SIZE.matcher(text.get());
            if (!m.matches()) {
                throw invalid(field, allowed);
            }
            long unit = switch (m.group(2) == null ? "B" : m.group(2)) {
                case "KiB" -> 1L << 10;
                case "MiB" -> 1L << 20;
                case "GiB" -> 1L << 30;
                default -> 1;
            };
            long n = Long.parseLong(m.group(1));
            if (n > max / unit || n * unit < min) {
                throw invalid(field, allowed);
            }
            return n * unit;
        }

        private ConfigException invalid(ConfigField field, String allowed) {
            Raw value = raw.get(field);
            String got = value == null ? "" : ", got " + (field.secret() ? Secrets.MASK : quoteIfNeeded(value.text()))
                    + " (from " + value.origin() + ")";
            return new ConfigException("config: " + field.key() + " must be " + allowed + got);
        }
    }

    private static String quoteIfNeeded(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        if (oneLine.length() > 80) {
            oneLine = oneLine.substring(0, 80) + "...";
        }
        return oneLine.isEmpty() || !oneLine.equals(oneLine.strip()) || oneLine.contains(" ")
                ? "\"" + oneLine + "\"" : oneLine;
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
