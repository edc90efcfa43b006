package io.keyward.cli.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.cli.CliException;
import org.junit.jupiter.api.Test;

class ServerTrustPolicyTest {
    private static final String A = "AA:" .repeat(31) + "AA";
    private static final String B = "BB:" .repeat(31) + "BB";
    private static final ServerAddress LOOPBACK = ServerAddress.parse("https://127.0.0.1:8443");
    private static final ServerAddress REMOTE = ServerAddress.parse("https://keys.example.org");

    @Test
    void loopbackFirstContactIsPinnedAndReported() {
        ServerTrustPolicy policy = new ServerTrustPolicy(LOOPBACK, null, null);
        assertThat(policy.acceptsSystemTrust()).isTrue();
        assertThat(policy.check(A)).isNull();
        assertThat(policy.newPin()).isEqualTo(A);
        assertThat(policy.pinnedOnFirstUse()).isTrue();
    }

    @Test
    void aRemoteServerIsNeverTrustedOnFirstUse() {
        ServerTrustPolicy policy = new ServerTrustPolicy(REMOTE, null, null);
        String refusal = policy.check(A);
        assertThat(refusal).contains("not trusted by the system").contains("--fingerprint " + A).doesNotContain("\n");
        assertThat(policy.newPin()).isNull();
        assertThat(policy.refusal()).isEqualTo(refusal);
    }

    @Test
    void aPinnedCertificateIsAcceptedAndADifferentOneRefusedNamingBoth() {
        ServerTrustPolicy policy = new ServerTrustPolicy(LOOPBACK, null, A);
        assertThat(policy.check(A)).isNull();
        assertThat(policy.newPin()).isNull();
        String refusal = new ServerTrustPolicy(LOOPBACK, null, A).check(B);
        assertThat(refusal).contains("pinned " + A).contains("presented " + B).contains("re-pin with --fingerprint " + B);
        // A pin is never overridden by first use, even on loopback.
        assertThat(new ServerTrustPolicy(REMOTE, null, A).check(B)).isNotNull();
    }

    @Test
    void anExplicitFingerprintMustMatchAndIsThenPinned() {
        ServerTrustPolicy policy = new ServerTrustPolicy(REMOTE, B, A);
        assertThat(policy.acceptsSystemTrust()).isFalse();
        assertThat(policy.check(B)).isNull();
        assertThat(policy.newPin()).isEqualTo(B);
        assertThat(policy.pinnedOnFirstUse()).isFalse();
        assertThat(new ServerTrustPolicy(LOOPBACK, B, null).check(A)).contains("not the " + B);
    }

    @Test
    void loopbackMeansLiteralLoopbackAddressesAndLocalhostOnly() {
        assertThat(ServerAddress.parse("https://127.0.0.1:8443").isLoopback()).isTrue();
        assertThat(ServerAddress.parse("https://127.8.9.10").isLoopback()).isTrue();
        assertThat(ServerAddress.parse("https://[::1]:8443").isLoopback()).isTrue();
        assertThat(ServerAddress.parse("https://LOCALHOST:8443").isLoopback()).isTrue();
        assertThat(ServerAddress.parse("https://128.0.0.1").isLoopback()).isFalse();
        assertThat(ServerAddress.parse("https://[::2]").isLoopback()).isFalse();
        assertThat(ServerAddress.parse("https://127.0.0.1.example.org").isLoopback()).isFalse();
        assertThat(ServerAddress.parse("https://localhost.example.org").isLoopback()).isFalse();
    }

    @Test
    void serverAddressesAreCanonical() {
        assertThat(ServerAddress.parse("https://Keys.Example.org/").origin()).isEqualTo("https://keys.example.org:443");
        assertThat(ServerAddress.parse("https://[::1]:8443").origin()).isEqualTo("https://[::1]:8443");
        assertThatThrownBy(() -> ServerAddress.parse("http://127.0.0.1:8443")).isInstanceOf(CliException.class)
                .hasMessageContaining("https://");
        assertThatThrownBy(() -> ServerAddress.parse("https://127.0.0.1:8443/v1")).isInstanceOf(CliException.class);
        assertThatThrownBy(() -> ServerAddress.parse("https://user:pw@host")).isInstanceOf(CliException.class);
    }

    @Test
    void fingerprintsAreReadAsUsersTypeThem() {
        String lower = A.toLowerCase().replace(":", "");
        assertThat(Fingerprints.parse(lower, "x")).isEqualTo(A);
        assertThat(Fingerprints.parse("sha256 Fingerprint=" + A, "x")).isEqualTo(A);
        assertThat(Fingerprints.parse("SHA256:" + A, "x")).isEqualTo(A);
        assertThatThrownBy(() -> Fingerprints.parse(A.substring(3), "--fingerprint")).isInstanceOf(CliException.class)
                .hasMessage("invalid_input: --fingerprint is not a SHA-256 fingerprint (64 hex digits, colons allowed)");
        assertThatThrownBy(() -> Fingerprints.parse(A.replace('A', 'G'), "--fingerprint")).isInstanceOf(CliException.class);
    }
}
