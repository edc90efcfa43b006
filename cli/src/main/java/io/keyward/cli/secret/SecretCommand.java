package io.keyward.cli.secret;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.keyward.cli.CliException;
import io.keyward.cli.user.SessionCommand;
import io.keyward.client.secrets.SecretInfo;
import io.keyward.client.secrets.SecretPage;
import io.keyward.client.secrets.SecretValue;
import io.keyward.crypto.util.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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

/** {@code keyward secret ...}: the user's secrets, encrypted here and stored on the server (docs/secrets.md). */
@Command(name = "secret", mixinStandardHelpOptions = true,
        description = {"Secrets encrypted on this machine (Matrix secret storage) under your secret-storage key, which the"
                + " password unlocks; the server stores only ciphertext.",
            "The password: --password-stdin (its first line; a value on stdin follows it), KEYWARD_PASSWORD, or a prompt."},
        subcommands = {SecretCommand.Put.class, SecretCommand.Get.class, SecretCommand.ListCommand.class,
            SecretCommand.Rm.class, SecretCommand.History.class, SecretCommand.Export.class})
public final class SecretCommand implements Runnable {
    /** The largest value read from stdin or a file. */
    static final int MAX_VALUE = 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (see keyward secret --help)");
    }

    @Command(name = "put", mixinStandardHelpOptions = true,
            description = "Store a new version of NAME: the value from stdin (after the password line with --password-stdin) or --file.")
    public static final class Put extends SessionCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "1-128 characters from A-Z a-z 0-9 . _ -")
        String name;

        @Option(names = "--file", paramLabel = "FILE", description = "Read the value from FILE instead of stdin.")
        Path file;

        @Option(names = "--replaces", paramLabel = "VERSION",
                description = "Fail with version_conflict unless VERSION is current (0: only if NAME is new). Default: whatever is current.")
        Long replaces;

        @Override
        public Integer call() {
            long version = withSecretStorage(secrets -> {
                byte[] value = readValue(file);
                try {
                    return replaces == null ? secrets.put(name, value)
                            : secrets.put(name, value, replaces, List.of(secrets.defaultKeyId()));
                } finally {
                    Bytes.zeroize(value);
                }
            });
            if (jsonOutput()) {
                printJsonObject(Map.of("name", name, "version", version));
            } else {
                println("Stored " + name + " version " + version + ".");
            }
            return 0;
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Print the value of NAME (raw bytes to stdout).")
    public static final class Get extends SessionCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--version", paramLabel = "N", description = "An older version.")
        Long version;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the value to FILE (mode 0600) instead of stdout.")
        Path out;

        @Override
        public Integer call() {
            withSecretStorage(secrets -> {
                try (SecretValue value = version == null ? secrets.get(name) : secrets.get(name, version)) {
                    if (out != null) {
                        writePrivate(out, value.value());
                    } else {
                        System.out.write(value.value(), 0, value.value().length);
                        System.out.flush();
                    }
                }
                return null;
            });
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List current secrets: name, version, keys.")
    public static final class ListCommand extends SessionCommand {
        @Option(names = "--after", paramLabel = "NAME", description = "Start after NAME (paging).")
        String after;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            SecretPage page = withSecretStorage(secrets -> secrets.list(after, limit));
            if (jsonOutput()) {
                List<Map<String, Object>> items = new ArrayList<>();
                for (SecretInfo info : page.items()) {
                    items.add(Map.of("name", info.name(), "version", info.version(), "key_ids", info.keyIds(),
                            "updated_at", info.at().toString()));
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("items", items);
                fields.put("next_after", page.nextAfter());
                printJsonObject(fields);
            } else {
                for (SecretInfo info : page.items()) {
                    println(info.name() + "\tv" + info.version() + "\t" + String.join(",", info.keyIds()) + "\t" + info.at());
                }
                if (page.nextAfter() != null) {
                    println("(more: --after " + page.nextAfter() + ")");
                }
            }
            return 0;
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Delete NAME (its history stays).")
    public static final class Rm extends SessionCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--replaces", paramLabel = "VERSION", description = "Fail with version_conflict unless VERSION is current.")
        Long replaces;

        @Override
        public Integer call() {
            long version = withSecretStorage(secrets -> secrets.delete(name, replaces != null ? replaces : secrets.currentVersion(name)));
            if (jsonOutput()) {
                printJsonObject(Map.of("name", name, "version", version, "deleted", true));
            } else {
                println("Deleted " + name + " (version " + version + ").");
            }
            return 0;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "Every version of NAME, oldest first.")
    public static final class History extends SessionCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            List<SecretInfo> versions = withSecretStorage(secrets -> secrets.history(name));
            if (jsonOutput()) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (SecretInfo v : versions) {
                    out.add(Map.of("version", v.version(), "deleted", v.deleted(), "key_ids", v.keyIds(), "created_at", v.at().toString()));
                }
                printJsonObject(Map.of("name", name, "versions", out));
            } else {
                for (SecretInfo v : versions) {
                    println("v" + v.version() + "\t" + (v.deleted() ? "deleted" : String.join(",", v.keyIds())) + "\t" + v.at());
                }
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write every current secret, still encrypted, with the key descriptions, to FILE (mode 0600);"
                    + " 'keyward offline secret decrypt FILE --recovery-key ...' opens it without a server.")
    public static final class Export extends SessionCommand {
        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @Override
        public Integer call() {
            Map<String, Object> export = withSecretStorage(secrets -> secrets.export());
            try {
                writePrivate(out, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(export));
            } catch (IOException e) {
                throw new CliException("cannot write the export: " + e.getMessage());
            }
            int count = ((Map<?, ?>) export.get("items")).size();
            if (jsonOutput()) {
                printJsonObject(Map.of("file", out.toString(), "items", count));
            } else {
                println("Exported " + count + " secret(s), still encrypted, to " + out + ".");
            }
            return 0;
        }
    }

    static byte[] readValue(Path file) {
        try {
            if (file != null) {
                if (Files.size(file) > MAX_VALUE) {
                    throw new CliException("invalid_input: " + file + " is larger than " + MAX_VALUE + " bytes");
                }
                return Files.readAllBytes(file);
            }
            InputStream in = System.in;
            byte[] value = in.readNBytes(MAX_VALUE + 1);
            if (value.length > MAX_VALUE) {
                throw new CliException("invalid_input: the value on stdin is larger than " + MAX_VALUE + " bytes");
            }
            return value;
        } catch (IOException e) {
            throw new CliException("cannot read the value: " + e.getMessage());
        }
    }

    static void writePrivate(Path file, byte[] data) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, data);
        } catch (IOException e) {
            throw new CliException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
