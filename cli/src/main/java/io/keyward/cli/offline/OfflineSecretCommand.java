package io.keyward.cli.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.cli.CliException;
import io.keyward.client.secrets.SecretStorage;
import io.keyward.crypto.ssss.KeyDescription;
import io.keyward.crypto.ssss.SecretStorageKey;
import io.keyward.crypto.util.Bytes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keyward offline secret decrypt FILE --recovery-key ...}: opens a {@code keyward secret export} file without a server. */
@Command(name = "secret", mixinStandardHelpOptions = true, description = "Open a 'keyward secret export' file without a server.",
        subcommands = OfflineSecretCommand.Decrypt.class)
public final class OfflineSecretCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (see keyward offline secret --help)");
    }

    @Command(name = "decrypt", mixinStandardHelpOptions = true,
            description = "Decrypt every item of FILE that the recovery key opens; prints {\"<name>\": {version, value_base64, value?}}.")
    static final class Decrypt implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--recovery-key", required = true, paramLabel = "KEY",
                description = "The recovery key (Matrix encoding, spaces optional).")
        String recoveryKey;

        @Override
        public Integer call() {
            JsonNode export;
            try {
                export = new ObjectMapper().readTree(file.toFile());
            } catch (IOException e) {
                throw new CliException("invalid_input: " + file + " is not a JSON export: " + e.getMessage());
            }
            if (!"keyward-secret-export-v1".equals(export.path("format").asText())) {
                throw new CliException("invalid_input: " + file + " is not a keyward-secret-export-v1 file");
            }
            try (SecretStorageKey key = SecretStorageKey.fromRecoveryKey(recoveryKey)) {
                String keyId = null;
                Iterator<Map.Entry<String, JsonNode>> keys = export.path("keys").fields();
                while (keys.hasNext()) {
                    Map.Entry<String, JsonNode> entry = keys.next();
                    KeyDescription description = SecretStorage.description(entry.getValue());
                    if (description.matches(key)) {
                        keyId = entry.getKey();
                        break;
                    }
                }
                if (keyId == null) {
                    throw new CliException("key_mismatch: the recovery key matches none of the export's key descriptions");
                }
                Map<String, Object> out = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> items = export.path("items").fields();
                int opened = 0;
                while (items.hasNext()) {
                    Map.Entry<String, JsonNode> item = items.next();
                    if (!item.getValue().path("item").path("encrypted").has(keyId)) {
                        continue;
                    }
                    byte[] value = SecretStorage.decryptItem(item.getKey(), item.getValue().path("item"), Map.of(keyId, key));
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("version", item.getValue().path("version").asLong());
                    entry.put("value_base64", Base64.getEncoder().encodeToString(value));
                    String text = OfflineIo.utf8(value);
                    if (text != null) {
                        entry.put("value", text);
                    }
                    Bytes.zeroize(value);
                    out.put(item.getKey(), entry);
                    opened++;
                }
                OfflineIo.printJson(out);
                if (opened < export.path("items").size()) {
                    System.err.println("keyward: " + (export.path("items").size() - opened)
                            + " item(s) are not encrypted under this key and were skipped");
                }
            }
            return 0;
        }
    }
}
