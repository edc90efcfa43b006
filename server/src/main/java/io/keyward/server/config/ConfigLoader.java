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

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(B|KiB|MiB|GiB)?");
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
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
            return new NodeConfig(dataDir, server, tls(), storage(), rootLock(dataDir), accounts(), sessions(), rateLimit(),
                    secrets());
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
            return switch (provider) {
                case "file" -> new RootLockConfig.KeyFile(
                        path(ConfigField.ROOT_LOCK_KEY_FILE).orElse(dataDir.resolve(ROOT_KEY_FILE_NAME)));
                case "pkcs11", "aws-kms" -> throw invalid(ConfigField.ROOT_LOCK_PROVIDER,
                        "file (pkcs11 and aws-kms are not available yet)");
                default -> throw invalid(ConfigField.ROOT_LOCK_PROVIDER, "file");
            };
        }

        private AccountsConfig accounts() {
            String ksf = text(ConfigField.ACCOUNTS_DEFAULT_ORG_KSF).map(String::strip).orElse(AccountsConfig.DEFAULT_KSF);
            try {
                return new AccountsConfig(io.keyward.crypto.ksf.KeyStretching.parse(ksf).describe());
            } catch (RuntimeException e) {
                throw invalid(ConfigField.ACCOUNTS_DEFAULT_ORG_KSF,
                        "a key-stretching function such as argon2id(m=65536,t=3,p=4) or scrypt(N=32768,r=8,p=1)");
            }
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
