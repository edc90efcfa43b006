package io.keyward.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.kdf.HkdfSha256;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The SDK's pieces that need no server (the server module's integration tests drive the rest over HTTPS). */
class ClientPiecesTest {
    private static final byte[] EXPORT_KEY = new byte[64];

    static {
        for (int i = 0; i < EXPORT_KEY.length; i++) {
            EXPORT_KEY[i] = (byte) i;
        }
    }

    @Test
    void exportKeysAreHkdfUnderFixedLabelsAndNeverTheExportKey() {
        ExportKeys keys = new ExportKeys(EXPORT_KEY);
        byte[] bundle = keys.keyBundleKey();
        assertThat(bundle).isEqualTo(HkdfSha256.derive(new byte[0], EXPORT_KEY,
                "keyward/v1/key-bundle".getBytes(StandardCharsets.US_ASCII), 32));
        assertThat(keys.derive("notes")).isEqualTo(HkdfSha256.derive(new byte[0], EXPORT_KEY,
                "keyward/v1/app/notes".getBytes(StandardCharsets.US_ASCII), 32));
        assertThat(keys.derive("notes")).isNotEqualTo(bundle).isNotEqualTo(keys.derive("notes2"));
        for (byte[] derived : new byte[][] {bundle, keys.derive("notes")}) {
            assertThat(derived).isNotEqualTo(java.util.Arrays.copyOf(EXPORT_KEY, 32));
        }
        assertThat(keys.toString()).doesNotContain("0").contains("redacted");
        for (String bad : new String[] {"", "Upper", "a/b", "-lead", "x".repeat(65)}) {
            assertThatThrownBy(() -> keys.derive(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        keys.close();
        assertThatThrownBy(keys::keyBundleKey).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPinIsTheServersColonHexFingerprint() {
        String pin = "ab:".repeat(31) + "ab";
        assertThat(((ServerTrust.Pinned) ServerTrust.pinned(pin)).sha256Fingerprint()).isEqualTo(pin.toUpperCase());
        for (String bad : new String[] {"AB", "AB".repeat(32), "ZZ:".repeat(31) + "ZZ", "AB:".repeat(32) + "AB"}) {
            assertThatThrownBy(() -> ServerTrust.pinned(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void errorsAreOneLineWithTheirCode() {
        KeywardApiException e = new KeywardApiException(401, "login_failed", "the user id or password is wrong");
        assertThat(e.getMessage()).isEqualTo("login_failed: the user id or password is wrong");
        assertThat(e.status()).isEqualTo(401);
        assertThat(LoginOptions.requestLimit(1).requestLimit()).isEqualTo(1);
        assertThatThrownBy(() -> LoginOptions.requestLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void connectingRefusesPlainHttpAndReportsAnUnreachableServer() throws Exception {
        assertThatThrownBy(() -> KeywardClient.connect(URI.create("http://127.0.0.1:1"), ServerTrust.system()))
                .isInstanceOf(IllegalArgumentException.class);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThatThrownBy(() -> KeywardClient.connect(URI.create("https://127.0.0.1:" + port), ServerTrust.system()))
                .isInstanceOfSatisfying(KeywardApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(KeywardApiException.CONNECTION_FAILED);
                    assertThat(e.status()).isZero();
                });
    }
}
