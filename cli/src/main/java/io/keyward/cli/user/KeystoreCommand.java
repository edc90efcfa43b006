package io.keyward.cli.user;

import io.keyward.protocol.keystore.KeystoreInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keyward keystore create|list|rm}: the caller's keystores. */
@Command(name = "keystore", mixinStandardHelpOptions = true,
        description = {"Create, list and delete your keystores (server-held keys you use without exporting them).",
            UserCommand.NO_SESSION_KEPT},
        subcommands = {KeystoreCommand.Create.class, KeystoreCommand.ListKeystores.class, KeystoreCommand.Remove.class})
public final class KeystoreCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a keystore; you become its controller.")
    static final class Create extends SessionCommand {
        @Override
        public Integer call() {
            KeystoreInfo info = withKeystores(k -> k.create());
            if (json) {
                printJson(fields(info));
            } else {
                print(info.keystoreId());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List your keystores.")
    static final class ListKeystores extends SessionCommand {
        @Override
        public Integer call() {
            var list = withKeystores(k -> k.list());
            for (KeystoreInfo info : list.keystores()) {
                if (json) {
                    printJson(fields(info));
                } else {
                    print(info.keystoreId() + "  " + info.keyCount() + " keys  lock " + info.lockMode() + "  created "
                            + info.createdAt());
                }
            }
            return 0;
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true,
            description = "Delete a keystore: refused while it holds keys, unless --force destroys them.")
    static final class Remove extends SessionCommand {
        @Parameters(index = "0", paramLabel = "KEYSTORE")
        String keystore;

        @Option(names = "--force", description = "Also destroy every key in the keystore (irreversible).")
        boolean force;

        @Override
        public Integer call() {
            withKeystores(k -> {
                k.delete(keystore, force);
                return null;
            });
            print("Deleted keystore " + keystore);
            return 0;
        }
    }

    static Map<String, Object> fields(KeystoreInfo info) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("keystore_id", info.keystoreId());
        fields.put("controller", info.controller());
        fields.put("lock_mode", info.lockMode());
        fields.put("key_count", info.keyCount());
        fields.put("created_at", String.valueOf(info.createdAt()));
        return fields;
    }
}
