package io.keyward.cli.offline;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyward.cli.CliException;
import io.keyward.crypto.aead.AuthenticationFailedException;
import io.keyward.crypto.ssss.AesHmacSha2;
import io.keyward.crypto.ssss.KeyCheck;
import io.keyward.crypto.ssss.SecretStorageKey;
import io.keyward.crypto.ssss.SsssException;
import io.keyward.crypto.ssss.SsssItem;
import io.keyward.crypto.util.Bytes;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keyward offline ssss ...}: Matrix secret storage ({@code m.secret_storage.v1.aes-hmac-sha2}). */
@Command(name = "ssss", mixinStandardHelpOptions = true,
        description = "Matrix secret storage (m.secret_storage.v1.aes-hmac-sha2): encrypt, decrypt, key check.",
        subcommands = {SsssCommand.Encrypt.class, SsssCommand.Decrypt.class, SsssCommand.KeyCheckCommand.class})
public final class SsssCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: encrypt, decrypt or key-check");
    }

    private static final String MAC_MISMATCH = "MAC mismatch: wrong key, wrong --name, or the item was altered";
    private static final String MAC_MISMATCH_PASSPHRASE =
            "MAC mismatch: wrong passphrase (or --salt/--iterations), wrong --name, or the item was altered";

    @Command(name = "encrypt", mixinStandardHelpOptions = true,
            description = {"Encrypts stdin, byte for byte, as the secret NAME; prints the item {\"iv\",\"ciphertext\",\"mac\"} as JSON.",
                "Use printf rather than echo unless the trailing newline belongs to the secret."})
    static final class Encrypt implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin KeyOptions keyOptions;

        @Option(names = "--name", required = true, paramLabel = "NAME",
                description = "The secret's name, e.g. m.cross_signing.master; it is bound into the MAC.")
        String name;

        @Option(names = "--json", description = "JSON output (the item is always printed as JSON).")
        boolean json;

        @Override
        public Integer call() {
            keyOptions.validate(spec);
            byte[] input = OfflineIo.readStdin();
            OfflineIo.FirstLine split = keyOptions.readsStdin() ? OfflineIo.FirstLine.split(input) : null;
            byte[] plaintext = split != null ? split.rest() : input;
            try (SecretStorageKey key = keyOptions.resolve(split)) {
                OfflineIo.printJson(itemJson(AesHmacSha2.encrypt(key, name, plaintext)));
            } finally {
                Bytes.zeroize(input, plaintext);
            }
            return 0;
        }
    }

    @Command(name = "decrypt", mixinStandardHelpOptions = true,
            description = "Reads an item {\"iv\",\"ciphertext\",\"mac\"} (JSON) from stdin, checks its MAC and prints the plaintext.")
    static final class Decrypt implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin KeyOptions keyOptions;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The name the secret was stored under.")
        String name;

        @Option(names = "--json", description = "Print {\"plaintext_base64\": ...} instead of the raw plaintext.")
        boolean json;

        @Override
        public Integer call() {
            keyOptions.validate(spec);
            byte[] input = OfflineIo.readStdin();
            OfflineIo.FirstLine split = null;
            byte[] itemJson = input;
            if (keyOptions.readsStdin()) {
                split = OfflineIo.FirstLine.split(input);
                itemJson = split.rest();
                Bytes.zeroize(input); // it held the passphrase
            }
            SsssItem item = parseItem(itemJson);
            byte[] plaintext;
            try (SecretStorageKey key = keyOptions.resolve(split)) {
                plaintext = AesHmacSha2.decrypt(key, name, item);
            } catch (AuthenticationFailedException e) {
                throw new CliException(keyOptions.readsStdin() ? MAC_MISMATCH_PASSPHRASE : MAC_MISMATCH);
            }
            try {
                if (json) {
                    OfflineIo.printJson(Map.of("plaintext_base64", Base64.getEncoder().encodeToString(plaintext)));
                } else {
                    OfflineIo.writeBytes(plaintext);
                }
            } finally {
                Bytes.zeroize(plaintext);
            }
            return 0;
        }
    }

    @Command(name = "key-check", mixinStandardHelpOptions = true,
            description = {"Prints the key check {\"iv\",\"mac\"} of a key, as a key description stores it.",
                "With --iv the check is computed for that IV (deterministic); with --iv and --mac it verifies an existing",
                "check and exits 1 if the key does not match."})
    static final class KeyCheckCommand implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin KeyOptions keyOptions;

        @Option(names = "--iv", paramLabel = "IV", description = "The key check's IV (base64, 16 bytes); random if absent.")
        String iv;

        @Option(names = "--mac", paramLabel = "MAC", description = "An existing key check's MAC (base64) to verify the key against; needs --iv.")
        String mac;

        @Option(names = "--json", description = "JSON output for --mac verification (the check itself is always JSON).")
        boolean json;

        @Override
        public Integer call() {
            keyOptions.validate(spec);
            if (mac != null && iv == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--mac needs --iv (both come from the key description)");
            }
            KeyCheck expected = null;
            byte[] ivBytes = null;
            try {
                if (mac != null) {
                    expected = KeyCheck.fromBase64(iv, mac);
                } else if (iv != null) {
                    ivBytes = KeyOptions.parseBase64(iv, "--iv");
                    if (ivBytes.length != 16) {
                        throw new CliException("--iv is " + ivBytes.length + " bytes; a key check IV is 16 bytes");
                    }
                }
            } catch (SsssException e) {
                throw new CliException(e.getMessage().replace("key check ", "--"));
            }
            OfflineIo.FirstLine split = null;
            if (keyOptions.readsStdin()) {
                byte[] input = OfflineIo.readStdin();
                split = OfflineIo.FirstLine.split(input);
                Bytes.zeroize(input);
            }
            try (SecretStorageKey key = keyOptions.resolve(split)) {
                if (expected != null) {
                    if (!AesHmacSha2.verifyKeyCheck(key, expected)) {
                        throw new CliException(keyOptions.readsStdin()
                                ? "the passphrase does not match the key check (MAC mismatch)"
                                : "the key does not match the key check (MAC mismatch)");
                    }
                    if (json) {
                        OfflineIo.printJson(Map.of("matches", true));
                    } else {
                        OfflineIo.println("key check matches");
                    }
                    return 0;
                }
                KeyCheck check = ivBytes != null ? AesHmacSha2.keyCheck(key, ivBytes) : AesHmacSha2.keyCheck(key);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("iv", check.ivBase64());
                out.put("mac", check.macBase64());
                OfflineIo.printJson(out);
                return 0;
            }
        }
    }

    static Map<String, Object> itemJson(SsssItem item) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("iv", item.ivBase64());
        out.put("ciphertext", item.ciphertextBase64());
        out.put("mac", item.macBase64());
        return out;
    }

    static SsssItem parseItem(byte[] input) {
        JsonNode node = OfflineIo.parseJsonObject(input, "the item");
        try {
            return SsssItem.fromBase64(OfflineIo.textField(node, "iv", "the item"),
                    OfflineIo.textField(node, "ciphertext", "the item"), OfflineIo.textField(node, "mac", "the item"));
        } catch (SsssException e) {
            throw new CliException("the item's " + e.getMessage());
        }
    }
}
