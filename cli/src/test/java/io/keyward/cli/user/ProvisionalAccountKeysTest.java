package io.keyward.cli.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.cli.CliException;
import io.keyward.cli.profile.ProfileStore;
import io.keyward.cli.profile.ServerAddress;
import io.keyward.crypto.kex.X25519;
import io.keyward.crypto.sig.Ed25519Signer;
import io.keyward.crypto.util.Base64Url;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvisionalAccountKeysTest {
    @TempDir
    Path dir;

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void aNewDeviceKeepsItsPrivateKeysInAPrivateFileAndSendsOnlyPublicKeys() throws IOException {
        ProfileStore store = new ProfileStore(dir.resolve("home"));
        ProvisionalAccountKeys.NewDevice device = ProvisionalAccountKeys.newDevice(store,
                ServerAddress.parse("https://127.0.0.1:8443"), "default", "Alice", "laptop", key(3));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(device.keyFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(device.keyFile().getParent())))
                .isEqualTo("rwx------");
        JsonNode file = new ObjectMapper().readTree(device.keyFile().toFile());
        byte[] xPrivate = Base64Url.decode(file.get("x25519_private_key").asText(), "x");
        byte[] edPrivate = Base64Url.decode(file.get("ed25519_private_key").asText(), "ed");
        // The public keys sent are the ones of the stored private keys.
        assertThat(Base64Url.encode(X25519.publicKey(xPrivate))).isEqualTo(device.request().device().x25519PublicKey());
        assertThat(Base64Url.encode(Ed25519Signer.fromPrivateKey(edPrivate).publicKey()))
                .isEqualTo(device.request().device().ed25519PublicKey());
        assertThat(device.request().toString()).doesNotContain(file.get("x25519_private_key").asText())
                .doesNotContain(file.get("ed25519_private_key").asText());
        assertThat(Base64Url.decode(device.request().keyBundle(), "b")).isEqualTo(key(3)); // sent as given
        ProvisionalAccountKeys.discard(device);
        assertThat(device.keyFile()).doesNotExist();
    }

    @Test
    void bootstrapUrlsAreParsedAndBadOnesRefused() {
        OrgCommand.BootstrapUrl url = OrgCommand.BootstrapUrl.parse(
                "keyward://bootstrap?server=https%3A%2F%2F127.0.0.1%3A8443&org=acme&token=T0k-en");
        assertThat(url).isEqualTo(new OrgCommand.BootstrapUrl("https://127.0.0.1:8443", "acme", "T0k-en"));
        assertThat(url.toString()).doesNotContain("T0k-en");
        assertThatThrownBy(() -> OrgCommand.BootstrapUrl.parse("https://bootstrap?org=a&token=b&server=c"))
                .hasMessageStartingWith("invalid_input: --url must be keyward://bootstrap");
        assertThatThrownBy(() -> OrgCommand.BootstrapUrl.parse("keyward://bootstrap?server=s&org=acme"))
                .hasMessage("invalid_input: --url lacks token");
    }
}
