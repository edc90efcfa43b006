package io.keyward.cli.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.cli.CliRunner;
import io.keyward.cli.CliRunner.Result;
import io.keyward.crypto.testing.Vectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The offline commands end to end, through {@code Main.run} with redirected standard streams. */
class OfflineCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "It's a secret to everybody";
    private static JsonNode vectors;

    @BeforeAll
    static void load() throws IOException {
        vectors = JSON.readTree(Vectors.file("matrix-ssss.json").toFile());
    }

    // ---- ssss

    @Test
    void encryptThenDecryptWithAGeneratedRecoveryKey() throws IOException {
        String recoveryKey = ok(CliRunner.run("", "offline", "recovery-key", "encode", "--generate")).stdout().strip();
        Result encrypted = ok(CliRunner.run(SECRET, "offline", "ssss", "encrypt", "--key", recoveryKey, "--name", "m.megolm_backup.v1"));
        JsonNode item = JSON.readTree(encrypted.stdout());
        assertThat(item.fieldNames()).toIterable().containsExactly("iv", "ciphertext", "mac");
        assertThat(Base64.getDecoder().decode(item.get("iv").asText())[8] & 0x80).isZero();

        Result decrypted = ok(CliRunner.run(encrypted.stdout(), "offline", "ssss", "decrypt", "--key", recoveryKey, "--name", "m.megolm_backup.v1"));
        assertThat(decrypted.stdout()).isEqualTo(SECRET);

        Result asJson = ok(CliRunner.run(encrypted.stdout(), "offline", "ssss", "decrypt", "--key", recoveryKey, "--name", "m.megolm_backup.v1", "--json"));
        assertThat(JSON.readTree(asJson.stdout()).get("plaintext_base64").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void decryptsTheVectorItemWithEachKeyForm() {
        JsonNode v = vectors.get("encrypt_fixed_iv");
        String item = v.get("encrypted").toString();
        byte[] key = HexFormat.of().parseHex(v.get("key_hex").asText());
        for (String keyArg : List.of(v.get("recovery_key").asText(), "hex:" + v.get("key_hex").asText(),
                "base64:" + Base64.getEncoder().encodeToString(key),
                "base64:" + Base64.getEncoder().withoutPadding().encodeToString(key))) {
            Result r = ok(CliRunner.run(item, "offline", "ssss", "decrypt", "--key", keyArg, "--name", v.get("name").asText()));
            assertThat(r.stdout()).isEqualTo(v.get("plaintext").asText());
        }
    }

    @Test
    void keyCheckForAGivenIvMatchesTheVectorAndVerifies() throws IOException {
        JsonNode v = vectors.get("encrypt_fixed_iv");
        String key = "hex:" + v.get("key_hex").asText();
        String iv = v.get("encrypted").get("iv").asText();
        String mac = v.get("key_check_same_iv_mac").asText();

        JsonNode check = JSON.readTree(ok(CliRunner.run("", "offline", "ssss", "key-check", "--key", key, "--iv", iv)).stdout());
        assertThat(check.get("iv").asText()).isEqualTo(iv);
        assertThat(check.get("mac").asText()).isEqualTo(mac);

        assertThat(ok(CliRunner.run("", "offline", "ssss", "key-check", "--key", key, "--iv", iv, "--mac", mac)).stdout())
                .isEqualTo("key check matches" + System.lineSeparator());

        String tampered = (mac.charAt(0) == 'A' ? 'B' : 'A') + mac.substring(1);
        Result mismatch = CliRunner.run("", "offline", "ssss", "key-check", "--key", key, "--iv", iv, "--mac", tampered);
        assertFailure(mismatch, "keyward: the key does not match the key check (MAC mismatch)");

        JsonNode random = JSON.readTree(ok(CliRunner.run("", "offline", "ssss", "key-check", "--key", key)).stdout());
        assertThat(ok(CliRunner.run("", "offline", "ssss", "key-check", "--key", key, "--iv", random.get("iv").asText(),
                "--mac", random.get("mac").asText())).exitCode()).isZero();
    }

    @Test
    void passphraseKeyCheckFromTheVector() {
        JsonNode v = vectors.get("passphrase_key_check");
        JsonNode info = v.get("passphrase_info");
        String[] args = {"offline", "ssss", "key-check", "--passphrase-stdin", "--salt", info.get("salt").asText(),
            "--iterations", info.get("iterations").asText(), "--iv", v.get("key_check").get("iv").asText(),
            "--mac", v.get("key_check").get("mac").asText()};

        ok(CliRunner.run(v.get("passphrase").asText() + "\n", args));
        assertFailure(CliRunner.run("It's a secret to nobody\n", args),
                "keyward: the passphrase does not match the key check (MAC mismatch)");
    }

    @Test
    void passphraseRoundTripAndWrongPassphrase() {
        String[] common = {"--passphrase-stdin", "--salt", "c2FsdHNhbHQ", "--iterations", "1000", "--name", "m.cross_signing.master"};
        Result encrypted = ok(CliRunner.run("correct horse\n" + SECRET, concat(new String[] {"offline", "ssss", "encrypt"}, common)));
        Result decrypted = ok(CliRunner.run("correct horse\n" + encrypted.stdout(), concat(new String[] {"offline", "ssss", "decrypt"}, common)));
        assertThat(decrypted.stdout()).isEqualTo(SECRET);

        Result wrong = CliRunner.run("battery staple\n" + encrypted.stdout(), concat(new String[] {"offline", "ssss", "decrypt"}, common));
        assertFailure(wrong, "keyward: MAC mismatch: wrong passphrase (or --salt/--iterations), wrong --name, or the item was altered");
        assertThat(wrong.stderr()).doesNotContain("battery", "correct");
    }

    @Test
    void wrongKeyWrongNameAndTamperedItemAreMacMismatches() throws IOException {
        JsonNode v = vectors.get("encrypt_fixed_iv");
        String item = v.get("encrypted").toString();
        String name = v.get("name").asText();
        String expected = "keyward: MAC mismatch: wrong key, wrong --name, or the item was altered";

        String otherKey = vectors.get("recovery_key_key_check").get("recovery_key").asText();
        assertFailure(CliRunner.run(item, "offline", "ssss", "decrypt", "--key", otherKey, "--name", name), expected);

        String key = v.get("recovery_key").asText();
        assertFailure(CliRunner.run(item, "offline", "ssss", "decrypt", "--key", key, "--name", "m.cross_signing.user_signing"), expected);

        com.fasterxml.jackson.databind.node.ObjectNode tampered = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(item);
        byte[] mac = Base64.getDecoder().decode(tampered.get("mac").asText());
        mac[0] ^= 1;
        tampered.put("mac", Base64.getEncoder().encodeToString(mac));
        Result r = CliRunner.run(tampered.toString(), "offline", "ssss", "decrypt", "--key", key, "--name", name);
        assertFailure(r, expected);
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void badKeysAndItemsSayWhatIsWrong() {
        String name = "m.cross_signing.master";
        String badParity = vectors.get("recovery_key_parsing").get("bad_parity").asText();
        String item = vectors.get("encrypt_fixed_iv").get("encrypted").toString();

        Result parity = CliRunner.run(item, "offline", "ssss", "decrypt", "--key", badParity, "--name", name);
        assertFailure(parity, "keyward: recovery key has a wrong parity byte (mistyped?)");
        assertThat(parity.stderr()).doesNotContain(badParity);

        assertFailure(CliRunner.run(item, "offline", "ssss", "decrypt", "--key", "hex:00ff", "--name", name),
                "keyward: --key is 2 bytes; a secret-storage key is 32 bytes");
        assertFailure(CliRunner.run(item, "offline", "ssss", "decrypt", "--key", "hex:zz", "--name", name),
                "keyward: --key is not hex");
        assertFailure(CliRunner.run(item, "offline", "ssss", "decrypt", "--key", "00".repeat(32), "--name", name),
                "keyward: --key looks like hex: write it as hex:<64 hex digits>");
        String key = vectors.get("encrypt_fixed_iv").get("recovery_key").asText();
        assertFailure(CliRunner.run("{not json", "offline", "ssss", "decrypt", "--key", key, "--name", name),
                "keyward: the item on stdin is not valid JSON");
        assertFailure(CliRunner.run("{\"iv\":\"AAAA\",\"ciphertext\":\"\"}", "offline", "ssss", "decrypt", "--key", key, "--name", name),
                "keyward: the item has no \"mac\" string field");
        assertFailure(CliRunner.run("{\"iv\":\"AA*A\",\"ciphertext\":\"\",\"mac\":\"\"}", "offline", "ssss", "decrypt", "--key", key, "--name", name),
                "keyward: the item's iv is not valid base64");
    }

    @Test
    void keyOptionMistakesAreUsageErrors() {
        Result none = CliRunner.run("x", "offline", "ssss", "encrypt", "--name", "n");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.stderr()).startsWith("keyward: a key is required: --key KEY or --passphrase-stdin with --salt and --iterations");

        Result noSalt = CliRunner.run("pw\nx", "offline", "ssss", "encrypt", "--name", "n", "--passphrase-stdin");
        assertThat(noSalt.exitCode()).isEqualTo(2);
        assertThat(noSalt.stderr()).contains("--passphrase-stdin needs --salt and --iterations");

        Result noName = CliRunner.run("x", "offline", "ssss", "encrypt", "--key", "hex:00");
        assertThat(noName.exitCode()).isEqualTo(2);
    }

    // ---- recovery-key

    @Test
    void recoveryKeyEncodeAndDecode() throws IOException {
        JsonNode v = vectors.get("recovery_key_key_check");
        String keyHex = v.get("key_hex").asText();
        String recoveryKey = v.get("recovery_key").asText();

        assertThat(ok(CliRunner.run(keyHex + "\n", "offline", "recovery-key", "encode")).stdout().strip()).isEqualTo(recoveryKey);
        assertThat(ok(CliRunner.run("", "offline", "recovery-key", "encode", "--key", "hex:" + keyHex)).stdout().strip()).isEqualTo(recoveryKey);
        String base64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(keyHex));
        assertThat(ok(CliRunner.run(base64, "offline", "recovery-key", "encode")).stdout().strip()).isEqualTo(recoveryKey);
        assertThat(JSON.readTree(ok(CliRunner.run(keyHex, "offline", "recovery-key", "encode", "--json")).stdout())
                .get("recovery_key").asText()).isEqualTo(recoveryKey);

        assertThat(ok(CliRunner.run(recoveryKey + "\n", "offline", "recovery-key", "decode")).stdout().strip()).isEqualTo(keyHex);
        assertThat(JSON.readTree(ok(CliRunner.run(recoveryKey, "offline", "recovery-key", "decode", "--json")).stdout())
                .get("key_hex").asText()).isEqualTo(keyHex);

        assertFailure(CliRunner.run(vectors.get("recovery_key_parsing").get("bad_parity").asText(), "offline", "recovery-key", "decode"),
                "keyward: recovery key has a wrong parity byte (mistyped?)");
        assertFailure(CliRunner.run("EsTj 3yST y93F", "offline", "recovery-key", "decode"),
                "keyward: recovery key has the wrong length (decodes to 9 bytes, expected 35)");
        assertFailure(CliRunner.run("abcd", "offline", "recovery-key", "encode"),
                "keyward: the key on stdin is 3 bytes; a secret-storage key is 32 bytes");
    }

    @Test
    void generatedRecoveryKeysDecode() {
        String recoveryKey = ok(CliRunner.run("", "offline", "recovery-key", "encode", "--generate")).stdout().strip();
        assertThat(ok(CliRunner.run(recoveryKey, "offline", "recovery-key", "decode")).stdout().strip()).matches("[0-9a-f]{64}");
    }

    // ---- shamir

    @Test
    void shamirSplitAndCombine() throws IOException {
        String secret = "00112233445566778899aabbccddeeff";
        Result split = ok(CliRunner.run(secret + "\n", "offline", "shamir", "split", "--shares", "5", "--threshold", "3"));
        List<String> shares = split.stdout().lines().toList();
        assertThat(shares).hasSize(5).allSatisfy(s -> assertThat(s).matches("[0-9a-f]{34}"));

        String three = shares.get(4) + "\n\n" + shares.get(0) + "\r\n" + shares.get(2) + "\n";
        assertThat(ok(CliRunner.run(three, "offline", "shamir", "combine")).stdout().strip()).isEqualTo(secret);
        assertThat(ok(CliRunner.run(String.join("\n", shares), "offline", "shamir", "combine", "--threshold", "3")).stdout().strip())
                .isEqualTo(secret);
        assertThat(JSON.readTree(ok(CliRunner.run(three, "offline", "shamir", "combine", "--json")).stdout())
                .get("secret_hex").asText()).isEqualTo(secret);

        // two of three give another value (undetectable without --threshold), and an error with it
        String two = shares.get(0) + "\n" + shares.get(1);
        assertThat(ok(CliRunner.run(two, "offline", "shamir", "combine")).stdout().strip()).isNotEqualTo(secret);
        assertFailure(CliRunner.run(two, "offline", "shamir", "combine", "--threshold", "3"),
                "keyward: need at least 3 shares, got 2");

        JsonNode json = JSON.readTree(ok(CliRunner.run(secret, "offline", "shamir", "split", "--shares", "3", "--threshold", "2", "--json")).stdout());
        assertThat(json.get("threshold").asInt()).isEqualTo(2);
        assertThat(json.get("shares")).hasSize(3);
    }

    @Test
    void shamirBadInput() {
        assertFailure(CliRunner.run("ab\ncd\n", "offline", "shamir", "combine"),
                "keyward: share 1 is 1 byte(s) long; a share is at least 2 bytes (1 secret byte and the x coordinate)");
        assertFailure(CliRunner.run("abcd\nabcdef\n", "offline", "shamir", "combine"),
                "keyward: shares have different lengths (share 1: 2 bytes, share 2: 3 bytes)");
        assertFailure(CliRunner.run("abcd\nabcd\n", "offline", "shamir", "combine"), "keyward: shares 1 and 2 are the same share");
        assertFailure(CliRunner.run("abcd\n", "offline", "shamir", "combine"), "keyward: at least 2 shares are needed, got 1");
        Result notHex = CliRunner.run("abcd\nsecretzz\n", "offline", "shamir", "combine");
        assertFailure(notHex, "keyward: the share on line 2 is not hex");
        assertThat(notHex.stderr()).doesNotContain("secretzz");
        assertFailure(CliRunner.run("", "offline", "shamir", "split", "--shares", "3", "--threshold", "2"),
                "keyward: the secret on stdin is empty");

        Result badParameters = CliRunner.run("00", "offline", "shamir", "split", "--shares", "2", "--threshold", "3");
        assertThat(badParameters.exitCode()).isEqualTo(2);
        assertThat(badParameters.stderr()).startsWith("keyward: shares (2) cannot be fewer than the threshold (3)");
    }

    // ---- every command

    @ParameterizedTest
    @ValueSource(strings = {"offline", "offline ssss", "offline ssss encrypt", "offline ssss decrypt", "offline ssss key-check",
        "offline recovery-key", "offline recovery-key encode", "offline recovery-key decode",
        "offline shamir", "offline shamir split", "offline shamir combine"})
    void everyCommandHasHelp(String command) {
        Result r = ok(CliRunner.run("", concat(command.split(" "), new String[] {"--help"})));
        assertThat(r.stdout()).startsWith("Usage: keyward " + command).contains("Exit codes:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"offline", "offline ssss", "offline recovery-key", "offline shamir"})
    void groupsWithoutASubcommandAreUsageErrors(String command) {
        Result r = CliRunner.run("", command.split(" "));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("keyward: a subcommand is required");
    }

    private static Result ok(Result r) {
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.stderr()).as("%s", r).isEmpty();
        return r;
    }

    private static void assertFailure(Result r, String stderrLine) {
        assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
        assertThat(r.stderr()).as("%s", r).isEqualTo(stderrLine + System.lineSeparator());
        assertThat(r.stderr()).doesNotContain(SECRET);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
