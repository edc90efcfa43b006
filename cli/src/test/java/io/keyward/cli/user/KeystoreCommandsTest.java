package io.keyward.cli.user;

import static io.keyward.cli.user.UserCommandsTest.failsWithOneLine;
import static io.keyward.cli.user.UserCommandsTest.ok;
import static io.keyward.cli.user.UserCommandsTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.keyward.cli.CliRunner;
import io.keyward.cli.profile.Profile;
import io.keyward.cli.profile.ProfileStore;
import io.keyward.cli.profile.ServerAddress;
import io.keyward.client.KeywardClient;
import io.keyward.client.ServerTrust;
import io.keyward.client.Session;
import io.keyward.crypto.keys.KeyType;
import io.keyward.crypto.keys.PublicWorkingKey;
import io.keyward.crypto.keys.VersionedValue;
import io.keyward.crypto.util.Base64Url;
import io.keyward.protocol.account.CompleteAccountRequest;
import io.keyward.protocol.account.DeviceKeys;
import io.keyward.server.KeywardNode;
import io.keyward.server.testing.TestNodes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keyward keystore ...} and {@code keyward key ...} against an in-process node over HTTPS. */
class KeystoreCommandsTest {
    @TempDir
    static Path nodeDir;

    static KeywardNode node;
    static String url;
    static Path home;

    @BeforeAll
    static void start() {
        node = new KeywardNode(TestNodes.config(nodeDir.resolve("data"), "ACCOUNTS_DEFAULT_ORG_KSF",
                UserCommandsTest.CHEAP_KSF));
        node.start();
        url = "https://127.0.0.1:" + node.port();
        try (KeywardClient sdk = KeywardClient.connect(URI.create(url), ServerTrust.pinned(node.fingerprint()))) {
            sdk.register("default", "carol", "carol pw".toCharArray(), null);
            try (Session registration = sdk.login("default", "carol", "carol pw".toCharArray())) {
                registration.complete(new CompleteAccountRequest("AQID", new DeviceKeys("d", Base64Url.encode(new byte[32]),
                        Base64Url.encode(new byte[32]))));
            }
        }
        home = nodeDir.resolve("home");
        new ProfileStore(home).save(Profile.EMPTY.withPin(ServerAddress.parse(url), node.fingerprint())
                .withAccount(ServerAddress.parse(url), "default", "carol"));
    }

    @AfterAll
    static void stop() {
        node.stop();
    }

    static CliRunner.Result cli(String stdin, String... args) {
        return run(home, Map.of("KEYWARD_PASSWORD", "carol pw"), stdin, args);
    }

    @Test
    void keystoresAndKeysFromCreationToDeletion(@TempDir Path dir) throws Exception {
        String ks = ok(cli("", "keystore", "create")).stdout().strip();
        assertThat(ks).startsWith("ks_");
        assertThat(ok(cli("", "keystore", "list")).stdout()).contains(ks);

        assertThat(ok(cli("", "key", "create", ks, "--type", "ed25519", "--id", "signer")).stdout())
                .isEqualTo("signer  ed25519  v1\n");
        ok(cli("", "key", "create", ks, "--type", "aes256-gcm", "--id", "data"));
        assertThat(ok(cli("", "key", "list", ks)).stdout()).contains("signer  ed25519  v1").contains("data  aes256-gcm  v1");

        // Sign raw bytes from a file; verify base64 data from stdin; the exported key verifies it too.
        Path message = dir.resolve("message.bin");
        Files.write(message, new byte[] {0, 1, 2, (byte) 0xff});
        String signature = ok(cli("", "key", "sign", ks, "signer", "--in", message.toString())).stdout().strip();
        assertThat(signature).startsWith("kw:v1:");
        assertThat(ok(cli(Base64.getEncoder().encodeToString(Files.readAllBytes(message)), "key", "verify", ks, "signer",
                "--base64", "--signature", signature)).stdout()).isEqualTo("valid\n");
        failsWithOneLine(cli("other data", "key", "verify", ks, "signer", "--signature", signature), "signature_invalid");
        String raw = ok(cli("", "key", "export", ks, "signer", "--format", "raw")).stdout().strip();
        PublicWorkingKey.fromRaw(KeyType.ED25519, Base64Url.decode(raw, "raw"))
                .verify(VersionedValue.parse(signature).bytes(), Files.readAllBytes(message));
        assertThat(ok(cli("", "key", "export", ks, "signer")).stdout()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(ok(cli("", "key", "export", ks, "signer", "--format", "jwk")).stdout()).contains("\"OKP\"");

        // Encrypt stdin, decrypt from a file, raw and base64; rotation keeps the old ciphertext readable.
        String ciphertext = ok(cli("secret text", "key", "encrypt", ks, "data", "--aad", "ctx")).stdout().strip();
        Path ctFile = dir.resolve("ct.txt");
        Files.writeString(ctFile, ciphertext + "\n");
        assertThat(ok(cli("", "key", "decrypt", ks, "data", "--in", ctFile.toString(), "--aad", "ctx")).stdoutBytes())
                .isEqualTo("secret text".getBytes(StandardCharsets.UTF_8));
        failsWithOneLine(cli(ciphertext, "key", "decrypt", ks, "data"), "decryption_failed");
        assertThat(ok(cli("", "key", "rotate", ks, "data")).stdout()).isEqualTo("data  aes256-gcm  v2\n");
        assertThat(ok(cli("", "key", "encrypt", ks, "data", "--in", message.toString())).stdout()).startsWith("kw:v2:");
        assertThat(ok(cli(ciphertext, "key", "decrypt", ks, "data", "--aad", "ctx", "--base64")).stdout().strip())
                .isEqualTo(Base64.getEncoder().encodeToString("secret text".getBytes(StandardCharsets.UTF_8)));

        // --password-stdin: the password is the first line, the data the rest.
        String fromStdin = ok(run(home, Map.of(), "carol pw\nsigned via stdin", "key", "sign", ks, "signer",
                "--password-stdin")).stdout().strip();
        assertThat(ok(cli("signed via stdin", "key", "verify", ks, "signer", "--signature", fromStdin)).stdout())
                .isEqualTo("valid\n");

        failsWithOneLine(cli("", "keystore", "rm", ks), "keystore_not_empty");
        assertThat(ok(cli("", "keystore", "rm", ks, "--force")).stdout()).isEqualTo("Deleted keystore " + ks + "\n");
        assertThat(ok(cli("", "keystore", "list")).stdout()).doesNotContain(ks);
        failsWithOneLine(cli("", "key", "list", ks), "keystore_not_found");
    }
}
