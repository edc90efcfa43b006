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

/** The account, session and rate-limit fields: defaults, parsing, refusals, and --print-config round trips. */
class SessionConfigTest {
    @TempDir
    Path dir;

    private NodeConfig load(String yaml) throws IOException {
        Path file = dir.resolve("keyward.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(new ConfigSources(Optional.of(file), Map.of(), Map.of()));
    }

    @Test
    void defaults() {
        NodeConfig config = ConfigLoader.load(ConfigSources.ofFlags(Map.of()));
        assertThat(config.sessions()).isEqualTo(SessionsConfig.DEFAULT);
        assertThat(config.sessions().requestLimit()).isEmpty();
        assertThat(config.rateLimit()).isEqualTo(RateLimitConfig.DEFAULT);
        assertThat(config.accounts().defaultOrgKsf()).isEqualTo("argon2id(m=65536,t=3,p=4)");
    }

    @Test
    void theIdentityKsfNeedsAnExplicitAllowance() throws IOException {
        assertThat(ConfigLoader.load(ConfigSources.ofFlags(Map.of())).accounts().allowIdentityKsf()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> load("""
                accounts:
                  default_org_ksf: identity
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("accounts.default_org_ksf")
                .hasMessageContaining("accounts.allow_identity_ksf");
        NodeConfig allowed = load("""
                accounts:
                  default_org_ksf: identity
                  allow_identity_ksf: true
                """);
        assertThat(allowed.accounts()).isEqualTo(new AccountsConfig("identity", true));
        assertThat(load(ConfigPrinter.yaml(allowed)).accounts()).isEqualTo(allowed.accounts());
    }

    @Test
    void readsEveryFieldAndPrintsItBackLoadable() throws IOException {
        NodeConfig config = load("""
                accounts:
                  default_org_ksf: " scrypt(N=1024,r=8,p=1)"
                sessions:
                  ttl: 2h
                  idle_timeout: 90s
                  request_limit: 1
                rate_limit:
                  account_failures: 7
                  address_failures: 70
                  window: 1h
                  base_delay: 250ms
                  max_delay: 2h
                """);
        assertThat(config.accounts().defaultOrgKsf()).isEqualTo("scrypt(N=1024,r=8,p=1)");
        assertThat(config.sessions()).isEqualTo(new SessionsConfig(Duration.ofHours(2), Duration.ofSeconds(90), Optional.of(1)));
        assertThat(config.rateLimit()).isEqualTo(new RateLimitConfig(7, 70, Duration.ofHours(1), Duration.ofMillis(250),
                Duration.ofHours(2)));
        String printed = ConfigPrinter.yaml(config);
        assertThat(printed).contains("request_limit: 1").contains("ttl: 2h").contains("base_delay: 250ms");
        NodeConfig again = load(printed);
        assertThat(again.sessions()).isEqualTo(config.sessions());
        assertThat(again.rateLimit()).isEqualTo(config.rateLimit());
        assertThat(again.accounts()).isEqualTo(config.accounts());
        assertThat(load("sessions:\n  request_limit: none\n").sessions().requestLimit()).isEmpty();
    }

    @Test
    void refusesValuesOutOfRange() {
        assertThatThrownBy(() -> load("sessions:\n  request_limit: 0\n")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config: sessions.request_limit must be");
        assertThatThrownBy(() -> load("sessions:\n  ttl: 5s\n")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config: sessions.ttl must be");
        assertThatThrownBy(() -> load("rate_limit:\n  base_delay: 2m\n  max_delay: 1m\n")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config: rate_limit.max_delay must be at least rate_limit.base_delay");
        assertThatThrownBy(() -> load("accounts:\n  default_org_ksf: bcrypt(10)\n")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config: accounts.default_org_ksf must be");
        assertThatThrownBy(() -> load("rate_limit:\n  acount_failures: 3\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown field rate_limit.acount_failures");
    }
}
