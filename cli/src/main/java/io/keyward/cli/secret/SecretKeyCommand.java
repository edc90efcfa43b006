package io.keyward.cli.secret;

import io.keyward.cli.user.SessionCommand;
import io.keyward.client.secrets.SecretKeyInfo;
import io.keyward.crypto.ssss.PassphraseInfo;
import io.keyward.crypto.ssss.SecretStorageKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keyward secret-key ...}: the account's secret-storage keys (descriptions on the server, keys never). */
@Command(name = "secret-key", mixinStandardHelpOptions = true,
        description = "Secret-storage keys: list, add (a random key; its recovery key is shown once), default, rm.",
        subcommands = {SecretKeyCommand.ListKeys.class, SecretKeyCommand.Add.class, SecretKeyCommand.Default.class,
            SecretKeyCommand.Rm.class})
public final class SecretKeyCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (see keyward secret-key --help)");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Key ids, names, and which one is the default.")
    public static final class ListKeys extends SessionCommand {
        @Override
        public Integer call() {
            List<SecretKeyInfo> keys = withSecretStorage(secrets -> secrets.keys());
            if (jsonOutput()) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (SecretKeyInfo key : keys) {
                    Map<String, Object> k = new LinkedHashMap<>();
                    k.put("key_id", key.keyId());
                    k.put("default", key.isDefault());
                    k.put("name", key.description().name());
                    k.put("passphrase", key.description().passphrase() != null);
                    out.add(k);
                }
                printJsonObject(Map.of("keys", out));
            } else {
                for (SecretKeyInfo key : keys) {
                    println(key.keyId() + (key.isDefault() ? "\tdefault" : "\t") + "\t"
                            + (key.description().name() == null ? "" : key.description().name()));
                }
            }
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a new random secret-storage key and show its recovery key once.")
    public static final class Add extends SessionCommand {
        @Option(names = "--name", paramLabel = "NAME", defaultValue = "keyward-cli key", description = "A label (default: ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "--default", description = "Make it the default key for new secrets.")
        boolean makeDefault;

        @Option(names = "--passphrase", description = "Derive the key from a passphrase (m.pbkdf2) instead of at random:"
                + " the next line of stdin after the password with --password-stdin, else KEYWARD_PASSPHRASE, else a prompt.")
        boolean passphrase;

        @Option(names = "--iterations", paramLabel = "N", description = "PBKDF2 iterations for --passphrase (default: 500000).")
        Integer iterations;

        @Override
        public Integer call() {
            String[] added = withSecretStorage(secrets -> {
                PassphraseInfo info = null;
                SecretStorageKey key;
                if (passphrase) {
                    info = PassphraseInfo.generate(iterations == null ? PassphraseInfo.DEFAULT_ITERATIONS : iterations);
                    char[] text = readSecret("passphrase for the new key", "KEYWARD_PASSPHRASE", true);
                    try {
                        key = SecretStorageKey.fromPassphrase(text, info);
                    } finally {
                        clear(text);
                    }
                } else {
                    key = SecretStorageKey.generate();
                }
                try (key) {
                    return new String[] {secrets.addKey(key, name, info, makeDefault), key.toRecoveryKey()};
                }
            });
            if (jsonOutput()) {
                printJsonObject(Map.of("key_id", added[0], "default", makeDefault, "recovery_key", added[1]));
            } else {
                println("Added secret-storage key " + added[0] + (makeDefault ? " (now the default)." : "."));
                println("Recovery key (shown once; keep it safe):");
                println("  " + added[1]);
            }
            return 0;
        }
    }

    @Command(name = "default", mixinStandardHelpOptions = true, description = "Make KEY_ID the default key.")
    public static final class Default extends SessionCommand {
        @Parameters(index = "0", paramLabel = "KEY_ID")
        String keyId;

        @Override
        public Integer call() {
            withSecretStorage(secrets -> {
                secrets.setDefault(keyId);
                return null;
            });
            println("Default secret-storage key: " + keyId);
            return 0;
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true,
            description = "Remove KEY_ID's description (refused while a secret is encrypted under it only).")
    public static final class Rm extends SessionCommand {
        @Parameters(index = "0", paramLabel = "KEY_ID")
        String keyId;

        @Override
        public Integer call() {
            withSecretStorage(secrets -> {
                secrets.removeKey(keyId);
                return null;
            });
            println("Removed secret-storage key " + keyId + ".");
            return 0;
        }
    }
}
