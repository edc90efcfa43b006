package io.keyward.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private NodeConfig load(String yaml, Map<String, String> env, Map<ConfigField, String> flags) throws IOException {
        Path file = dir.resolve("keyward.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(new ConfigSources(Optional.of(file), env, flags));
    }

    private void refused(String yaml, String message) {
        assertThatThrownBy(() -> load(yaml, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @Test
    void defaultsWhenNothingIsGiven() {
        NodeConfig config = ConfigLoader.load(ConfigSources.ofFlags(Map.of()));
        assertThat(config.dataDir()).isEqualTo(Path.of("keyward-data").toAbsolutePath());
        assertThat(config.server()).isEqualTo(new ServerConfig("127.0.0.1", 8443, Duration.ofSeconds(10),
                new LimitsConfig(1 << 20, 16 << 10)));
        assertThat(config.tls().selfSigned()).isTrue();
        assertThat(config.storage().embedded()).isTrue();
        assertThat(config.storage().maxPoolSize()).isEqualTo(10);
        assertThat(config.rootLock()).isEqualTo(new RootLockConfig.KeyFile(config.dataDir().resolve("root.key")));
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFile() throws IOException {
        String yaml = """
                data_dir: %s
                server:
                  host: 0.0.0.0
                  port: 9000
                  shutdown_grace: 500ms
                  limits:
                    max_body_bytes: 64KiB
                storage:
                  max_pool_size: 4
                """.formatted(dir.resolve("from-file"));
        NodeConfig fileOnly = load(yaml, Map.of(), Map.of());
        assertThat(fileOnly.dataDir()).isEqualTo(dir.resolve("from-file"));
        assertThat(fileOnly.server().host()).isEqualTo("0.0.0.0");
        assertThat(fileOnly.server().port()).isEqualTo(9000);
        assertThat(fileOnly.server().shutdownGrace()).isEqualTo(Duration.ofMillis(500));
        assertThat(fileOnly.server().limits().maxBodyBytes()).isEqualTo(64 * 1024);
        assertThat(fileOnly.storage().maxPoolSize()).isEqualTo(4);

        Map<String, String> env = Map.of("KEYWARD_SERVER_PORT", "9001", "KEYWARD_DATA", dir.resolve("from-env").toString(),
                "KEYWARD_STORAGE_MAX_POOL_SIZE", "5");
        NodeConfig withEnv = load(yaml, env, Map.of());
        assertThat(withEnv.server().port()).isEqualTo(9001);
        assertThat(withEnv.dataDir()).isEqualTo(dir.resolve("from-env"));
        assertThat(withEnv.storage().maxPoolSize()).isEqualTo(5);
        assertThat(withEnv.server().host()).isEqualTo("0.0.0.0");

        NodeConfig withFlags = load(yaml, env, Map.of(ConfigField.SERVER_PORT, "9002"));
        assertThat(withFlags.server().port()).isEqualTo(9002);
        assertThat(withFlags.storage().maxPoolSize()).isEqualTo(5);
        // The root key follows the data directory unless set.
        assertThat(withFlags.rootLock()).isEqualTo(new RootLockConfig.KeyFile(dir.resolve("from-env/root.key")));
    }

    @Test
    void dataDirAliasWinsOverTheDerivedName() {
        NodeConfig config = ConfigLoader.load(new ConfigSources(Optional.empty(),
                Map.of("KEYWARD_DATA", dir.resolve("a").toString(), "KEYWARD_DATA_DIR", dir.resolve("b").toString()), Map.of()));
        assertThat(config.dataDir()).isEqualTo(dir.resolve("a"));
        assertThat(ConfigField.DATA_DIR.envNames()).containsExactly("KEYWARD_DATA", "KEYWARD_DATA_DIR");
        assertThat(ConfigField.STORAGE_MAX_POOL_SIZE.envNames()).containsExactly("KEYWARD_STORAGE_MAX_POOL_SIZE");
    }

    @Test
    void badValuesNameTheFieldWhatIsAllowedAndWhereTheyCameFrom() {
        Path file = dir.resolve("keyward.yaml");
        refused("server:\n  port: 70000\n",
                "config: server.port must be 0-65535 (0 picks a free port), got 70000 (from " + file + ")");
        refused("server:\n  port: eighty\n",
                "config: server.port must be an integer 0-65535 (0 picks a free port), got eighty (from " + file + ")");
        refused("server:\n  shutdown_grace: 10 seconds\n",
                "config: server.shutdown_grace must be a duration such as 500ms, 10s or 2m, at most 10m, got \"10 seconds\" (from " + file + ")");
        refused("server:\n  limits:\n    max_body_bytes: 2GiB\n",
                "config: server.limits.max_body_bytes must be a size in bytes 1KiB-1GiB (a number, optionally with KiB, MiB or GiB), got 2GiB (from " + file + ")");
        refused("server:\n  host: bad_host!\n",
                "config: server.host must be an IP address or a host name, got bad_host! (from " + file + ")");
        refused("server:\n  host: 300.1.2.3\n",
                "config: server.host must be an IP address or a host name, got 300.1.2.3 (from " + file + ")");
        refused("storage:\n  max_pool_size: 0\n",
                "config: storage.max_pool_size must be 1-200, got 0 (from " + file + ")");
        refused("root_lock:\n  provider: vault\n",
                "config: root_lock.provider must be file, pkcs11 or aws-kms, got vault (from " + file + ")");
        refused("tls:\n  cert_file: /nonexistent/cert.pem\n",
                "config: tls.key_file must be set together with tls.cert_file (or leave both unset for a self-signed certificate)");
        refused("tls:\n  cert_file: /nonexistent/cert.pem\n  key_file: /nonexistent/key.pem\n",
                "config: tls.cert_file must be a readable PEM file, got /nonexistent/cert.pem (from " + file + ")");
    }

    @Test
    void pkcs11RootLockFromFileEnvironmentAndPinFile() throws IOException {
        Path library = Files.writeString(dir.resolve("libtoken.so"), "not really a library");
        String yaml = "root_lock:\n  provider: pkcs11\n  pkcs11:\n    library: " + library + "\n    slot: 1239361392\n";
        NodeConfig config = load(yaml, Map.of("KEYWARD_ROOT_LOCK_PKCS11_PIN", "env-pin-1234"), Map.of());
        assertThat(config.rootLock()).isEqualTo(new RootLockConfig.Pkcs11(library,
                new RootLockConfig.Pkcs11.Slot.Id(1239361392), "env-pin-1234", "keyward-root", false));
        assertThat(config.rootLock().toString()).doesNotContain("env-pin-1234");
        String printed = ConfigPrinter.yaml(config);
        assertThat(printed).doesNotContain("env-pin-1234").contains("pin: '****'", "slot: 1239361392", "key_label: keyward-root");

        Path pinFile = dir.resolve("pin");
        Files.writeString(pinFile, "file-pin-5678\n");
        Files.setPosixFilePermissions(pinFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        NodeConfig fromFile = load("root_lock:\n  provider: pkcs11\n  pkcs11:\n    library: " + library
                + "\n    slot_list_index: 2\n    pin_file: " + pinFile + "\n    key_label: root.v1\n    create_key: true\n",
                Map.of(), Map.of());
        assertThat(fromFile.rootLock()).isEqualTo(new RootLockConfig.Pkcs11(library,
                new RootLockConfig.Pkcs11.Slot.ListIndex(2), "file-pin-5678", "root.v1", true));

        Path file = dir.resolve("keyward.yaml");
        Files.setPosixFilePermissions(pinFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        String base = "root_lock:\n  provider: pkcs11\n  pkcs11:\n    library: " + library + "\n";
        refused(base + "    pin_file: " + pinFile + "\n",
                "config: root_lock.pkcs11.pin_file " + pinFile + " is readable by group or others; chmod 600 it");
        refused(base, "config: root_lock.pkcs11.pin_file (or KEYWARD_ROOT_LOCK_PKCS11_PIN) must give the token's user PIN");
        refused(base + "    pin: '1234'\n    slot: 1\n    slot_list_index: 0\n",
                "config: set root_lock.pkcs11.slot or root_lock.pkcs11.slot_list_index, not both");
        refused(base + "    pin: '1234'\n    slot: -1\n",
                "config: root_lock.pkcs11.slot must be a slot id, 0-2147483647, got -1 (from " + file + ")");
        refused(base + "    pin: '1234'\n    key_label: my key\n",
                "config: root_lock.pkcs11.key_label must be 1 to 64 letters, digits, '.', '_' or '-', got \"my key\" (from " + file + ")");
        refused(base + "    pin: '1234'\n    create_key: yes please\n",
                "config: root_lock.pkcs11.create_key must be true or false, got \"yes please\" (from " + file + ")");
        refused(base + "    pin: \"12\\t34\"\n",
                "config: root_lock.pkcs11.pin must be a PIN of 1 to 256 characters without control characters, got **** (from " + file + ")");
        refused("root_lock:\n  provider: pkcs11\n",
                "config: root_lock.pkcs11.library must be set to the token's PKCS#11 module (e.g. /usr/lib/softhsm/libsofthsm2.so)");
        refused("root_lock:\n  provider: pkcs11\n  pkcs11:\n    library: /nonexistent/lib.so\n",
                "config: root_lock.pkcs11.library must be a readable PKCS#11 module (a shared library file), got /nonexistent/lib.so (from " + file + ")");
        refused("root_lock:\n  pkcs11:\n    pin: '1234'\n",
                "config: root_lock.pkcs11.pin applies only to root_lock.provider pkcs11, but the provider is file (from " + file + ")");
    }

    @Test
    void awsKmsRootLock() throws IOException {
        String arn = "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        NodeConfig config = load("root_lock:\n  provider: aws-kms\n  aws_kms:\n    key_id: " + arn + "\n", Map.of(), Map.of());
        assertThat(config.rootLock()).isEqualTo(new RootLockConfig.AwsKms(arn, "eu-central-1", Optional.empty(),
                Duration.ofMinutes(5), Duration.ofSeconds(10)));
        NodeConfig full = load("""
                root_lock:
                  provider: aws-kms
                  aws_kms:
                    key_id: alias/keyward-root
                    region: us-gov-west-1
                    endpoint: https://vpce-0123.kms.us-gov-west-1.vpce.amazonaws.com
                    cache_ttl: 30s
                    ready_check_interval: 0s
                """, Map.of(), Map.of());
        assertThat(full.rootLock()).isEqualTo(new RootLockConfig.AwsKms("alias/keyward-root", "us-gov-west-1",
                Optional.of(java.net.URI.create("https://vpce-0123.kms.us-gov-west-1.vpce.amazonaws.com")),
                Duration.ofSeconds(30), Duration.ZERO));
        assertThat(ConfigPrinter.yaml(full)).contains("cache_ttl: 30s", "ready_check_interval: 0s", "region: us-gov-west-1");
        assertThat(load(ConfigPrinter.yaml(full), Map.of(), Map.of())).isEqualTo(full);

        Path file = dir.resolve("keyward.yaml");
        String base = "root_lock:\n  provider: aws-kms\n  aws_kms:\n";
        refused(base, "config: root_lock.aws_kms.key_id must be set to a KMS key id, key ARN, alias/NAME or alias ARN");
        refused(base + "    key_id: 1234abcd\n",
                "config: root_lock.aws_kms.region must be set (an AWS region such as eu-west-1) unless key_id is an ARN");
        refused(base + "    key_id: 1234abcd\n    region: Europe\n",
                "config: root_lock.aws_kms.region must be an AWS region such as eu-west-1, got Europe (from " + file + ")");
        refused(base + "    key_id: " + arn + "\n    region: eu-west-1\n",
                "config: root_lock.aws_kms.region must be the region of the key ARN, eu-central-1, got eu-west-1 (from " + file + ")");
        refused(base + "    key_id: 1234abcd\n    region: eu-west-1\n    endpoint: ftp://kms\n",
                "config: root_lock.aws_kms.endpoint must be an https:// (or http://) URL of a KMS endpoint, got ftp://kms (from " + file + ")");
        refused(base + "    key_id: 1234abcd\n    region: eu-west-1\n    cache_ttl: 2h\n",
                "config: root_lock.aws_kms.cache_ttl must be a duration such as 500ms, 10s or 2m, at most 1h, got 2h (from " + file + ")");
        refused(base + "    key_id: key with spaces\n    region: eu-west-1\n",
                "config: root_lock.aws_kms.key_id must be a KMS key id, key ARN, alias/NAME or alias ARN, got \"key with spaces\" (from " + file + ")");
        refused("root_lock:\n  provider: aws-kms\n  key_file: /tmp/root.key\n  aws_kms:\n    key_id: " + arn + "\n",
                "config: root_lock.key_file applies only to root_lock.provider file, but the provider is aws-kms (from " + file + ")");
    }

    @Test
    void badEnvironmentAndFlagValuesSayWhereTheyCameFrom() {
        assertThatThrownBy(() -> ConfigLoader.load(new ConfigSources(Optional.empty(), Map.of("KEYWARD_SERVER_PORT", "-1"), Map.of())))
                .hasMessage("config: server.port must be 0-65535 (0 picks a free port), got -1 (from KEYWARD_SERVER_PORT)");
        assertThatThrownBy(() -> ConfigLoader.load(ConfigSources.ofFlags(Map.of(ConfigField.SERVER_PORT, "70000"))))
                .hasMessage("config: server.port must be 0-65535 (0 picks a free port), got 70000 (from the command line)");
    }

    @Test
    void secretsAreNeverEchoed() {
        String url = "jdbc:mysql://db/keyward?password=hunter2";
        assertThatThrownBy(() -> ConfigLoader.load(new ConfigSources(Optional.empty(), Map.of("KEYWARD_STORAGE_JDBC_URL", url), Map.of())))
                .hasMessage("config: storage.jdbc_url must be a jdbc:postgresql: URL, or empty for SQLite in data_dir, got **** (from KEYWARD_STORAGE_JDBC_URL)");
    }

    @Test
    void unknownFieldsAreErrors() {
        Path file = dir.resolve("keyward.yaml");
        refused("server:\n  prot: 8443\n", "config: unknown field server.prot in " + file + " (see docs/configuration.md for the fields)");
        refused("datadir: /tmp/x\n", "config: unknown field datadir in " + file + " (see docs/configuration.md for the fields)");
        refused("server: 8443\n", "config: server must be a mapping of fields (in " + file + ")");
        refused("server:\n  port: [1, 2]\n", "config: server.port must be a single value, not a list (in " + file + ")");
    }

    @Test
    void malformedYamlAndDuplicateKeysAreErrors() {
        assertThatThrownBy(() -> load("server:\n  port: 1\n  port: 2\n", Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config: " + dir.resolve("keyward.yaml") + " is not valid YAML: Duplicate field 'port'");
        assertThatThrownBy(() -> load("server: [\n", Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config: " + dir.resolve("keyward.yaml") + " is not valid YAML")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> ConfigLoader.load(new ConfigSources(Optional.of(dir.resolve("absent.yaml")), Map.of(), Map.of())))
                .hasMessage("config: file " + dir.resolve("absent.yaml") + " does not exist");
    }

    @Test
    void emptyFileAndEmptyValuesKeepDefaults() throws IOException {
        assertThat(load("", Map.of(), Map.of()).server().port()).isEqualTo(8443);
        assertThat(load("server:\n  port:\n", Map.of(), Map.of()).server().port()).isEqualTo(8443);
    }

    @Test
    void printConfigIsLoadableYamlWithSecretsMasked() throws IOException {
        NodeConfig config = load("""
                data_dir: %s
                storage:
                  jdbc_url: jdbc:postgresql://db:5432/keyward?sslmode=require&password=hunter2
                  username: keyward
                  password: hunter3
                """.formatted(dir), Map.of(), Map.of());
        String yaml = ConfigPrinter.yaml(config);
        assertThat(yaml).doesNotContain("hunter2").doesNotContain("hunter3")
                .contains("password: '****'").contains("password=****")
                .contains("port: 8443").contains("shutdown_grace: 10s").contains("provider: file")
                .contains("key_file: " + dir.resolve("root.key"));
        assertThat(config.storage().toString()).doesNotContain("hunter");

        // Without the secrets, the printed form loads back to the same configuration.
        NodeConfig plain = load("data_dir: %s\nserver:\n  port: 9443\n".formatted(dir), Map.of(), Map.of());
        assertThat(load(ConfigPrinter.yaml(plain), Map.of(), Map.of())).isEqualTo(plain);
    }
}
