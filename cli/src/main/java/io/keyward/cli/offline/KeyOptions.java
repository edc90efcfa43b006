package io.keyward.cli.offline;

import io.keyward.cli.CliException;
import io.keyward.crypto.ssss.PassphraseInfo;
import io.keyward.crypto.ssss.SecretStorageKey;
import io.keyward.crypto.util.Bytes;
import java.util.Arrays;
import java.util.Base64;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * How the secret-storage commands get their key: {@code --key} (a recovery key, {@code hex:...} or
 * {@code base64:...}) or a passphrase on the first line of stdin with the key description's
 * {@code m.pbkdf2} salt and iterations.
 */
final class KeyOptions {
    @Option(names = "--key", paramLabel = "KEY",
            description = "The secret-storage key: a recovery key (spaces allowed, quote it), hex:<64 hex digits> or base64:<32 bytes>.")
    String key;

    @Option(names = "--passphrase-stdin",
            description = "Derive the key from a passphrase read from the first line of stdin (m.pbkdf2); the rest of stdin is the input.")
    boolean passphraseStdin;

    @Option(names = "--salt", paramLabel = "SALT", description = "The m.pbkdf2 salt from the key description (with --passphrase-stdin).")
    String salt;

    @Option(names = "--iterations", paramLabel = "N", description = "The m.pbkdf2 iterations from the key description (with --passphrase-stdin).")
    Integer iterations;

    /** Checks the combination before anything is read, so a usage error never waits on stdin. */
    void validate(CommandSpec spec) {
        if (key != null && passphraseStdin) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --key or --passphrase-stdin, not both");
        }
        if (key == null && !passphraseStdin) {
            throw new CommandLine.ParameterException(spec.commandLine(), "a key is required: --key KEY or --passphrase-stdin with --salt and --iterations");
        }
        if (passphraseStdin && (salt == null || iterations == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--passphrase-stdin needs --salt and --iterations (from the key description's passphrase)");
        }
        if (!passphraseStdin && (salt != null || iterations != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--salt and --iterations only go with --passphrase-stdin");
        }
    }

    boolean readsStdin() {
        return passphraseStdin;
    }

    /**
     * The key; with {@code --passphrase-stdin}, {@code stdin} holds the passphrase line, and the
     * passphrase is overwritten once used.
     */
    SecretStorageKey resolve(OfflineIo.FirstLine stdin) {
        if (passphraseStdin) {
            char[] passphrase = stdin.line();
            try {
                if (passphrase.length == 0) {
                    throw new CliException("the passphrase (first line of stdin) is empty");
                }
                return SecretStorageKey.fromPassphrase(passphrase, PassphraseInfo.pbkdf2(salt, iterations));
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }
        return parseKey(key, "--key");
    }

    /** Parses a key given as a recovery key, {@code hex:...} or {@code base64:...}. */
    static SecretStorageKey parseKey(String text, String what) {
        String trimmed = text.strip();
        byte[] bytes;
        if (trimmed.regionMatches(true, 0, "hex:", 0, 4)) {
            bytes = OfflineIo.parseHex(trimmed.substring(4), what);
        } else if (trimmed.regionMatches(true, 0, "base64:", 0, 7)) {
            bytes = parseBase64(trimmed.substring(7), what);
        } else if (trimmed.matches("[0-9a-fA-F]{64}")) {
            // 64 hex digits are not a plausible recovery key (those start "Es"): say what to write
            throw new CliException(what + " looks like hex: write it as hex:<64 hex digits>");
        } else {
            return SecretStorageKey.fromRecoveryKey(trimmed);
        }
        try {
            if (bytes.length != SecretStorageKey.LENGTH) {
                throw new CliException(what + " is " + bytes.length + " bytes; a secret-storage key is "
                        + SecretStorageKey.LENGTH + " bytes");
            }
            return SecretStorageKey.of(bytes);
        } finally {
            Bytes.zeroize(bytes);
        }
    }

    /** Standard or URL-safe alphabet, padded or not. */
    static byte[] parseBase64(String text, String what) {
        String compact = text.replaceAll("\\s+", "");
        try {
            return compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(compact)
                    : Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new CliException(what + " is not valid base64");
        }
    }
}
