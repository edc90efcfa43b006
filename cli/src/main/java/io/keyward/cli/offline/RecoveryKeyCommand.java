package io.keyward.cli.offline;

import io.keyward.crypto.ssss.RecoveryKey;
import io.keyward.crypto.ssss.SecretStorageKey;
import io.keyward.crypto.util.Bytes;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keyward offline recovery-key ...}: the Matrix recovery-key encoding of a secret-storage key. */
@Command(name = "recovery-key", mixinStandardHelpOptions = true,
        description = "Matrix recovery keys (0x8B 0x01 prefix, parity byte, base58, groups of 4): encode, decode, generate.",
        subcommands = {RecoveryKeyCommand.Encode.class, RecoveryKeyCommand.Decode.class})
public final class RecoveryKeyCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: encode or decode");
    }

    private static final Pattern HEX_KEY = Pattern.compile("[0-9a-fA-F]{64}");

    @Command(name = "encode", mixinStandardHelpOptions = true,
            description = {"Encodes a 32-byte key as a recovery key. The key comes from --key or stdin, as 64 hex digits,",
                "hex:..., or base64 (base64:... or bare); --generate makes a new random key instead."})
    static final class Encode implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--key", paramLabel = "KEY", description = "The key (instead of stdin): 64 hex digits, hex:... or base64:...")
        String key;

        @Option(names = "--generate", description = "Generate a new random key and print its recovery key.")
        boolean generate;

        @Option(names = "--json", description = "Print {\"recovery_key\": ...}.")
        boolean json;

        @Override
        public Integer call() {
            if (generate && key != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give either --key or --generate, not both");
            }
            String recoveryKey;
            if (generate) {
                try (SecretStorageKey fresh = SecretStorageKey.generate()) {
                    recoveryKey = fresh.toRecoveryKey();
                }
            } else {
                String text = key != null ? key : OfflineIo.utf8(OfflineIo.readStdin());
                try (SecretStorageKey parsed = parseRawKey(text, key != null ? "--key" : "the key on stdin")) {
                    recoveryKey = parsed.toRecoveryKey();
                }
            }
            if (json) {
                OfflineIo.printJson(Map.of("recovery_key", recoveryKey));
            } else {
                OfflineIo.println(recoveryKey);
            }
            return 0;
        }
    }

    @Command(name = "decode", mixinStandardHelpOptions = true,
            description = "Reads a recovery key from stdin (whitespace ignored), checks its prefix and parity and prints the key in hex.")
    static final class Decode implements Callable<Integer> {
        @Option(names = "--json", description = "Print {\"key_hex\": ...}.")
        boolean json;

        @Override
        public Integer call() {
            byte[] key = RecoveryKey.decode(OfflineIo.utf8(OfflineIo.readStdin()));
            try {
                if (json) {
                    OfflineIo.printJson(Map.of("key_hex", OfflineIo.hex(key)));
                } else {
                    OfflineIo.println(OfflineIo.hex(key));
                }
            } finally {
                Bytes.zeroize(key);
            }
            return 0;
        }
    }

    /** A raw key: {@code hex:...}, {@code base64:...}, 64 bare hex digits, or bare base64. */
    private static SecretStorageKey parseRawKey(String text, String what) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new io.keyward.cli.CliException(what + " is empty");
        }
        if (HEX_KEY.matcher(trimmed).matches()) {
            return KeyOptions.parseKey("hex:" + trimmed, what);
        }
        if (trimmed.regionMatches(true, 0, "hex:", 0, 4) || trimmed.regionMatches(true, 0, "base64:", 0, 7)) {
            return KeyOptions.parseKey(trimmed, what);
        }
        return KeyOptions.parseKey("base64:" + trimmed, what);
    }
}
