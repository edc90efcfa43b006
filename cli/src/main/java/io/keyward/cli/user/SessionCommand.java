package io.keyward.cli.user;

import io.keyward.cli.CliException;
import io.keyward.client.Keystores;
import io.keyward.client.secrets.SecretStorage;
import io.keyward.client.secrets.SecretStorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;

/**
 * A user command that does its work in one request session: log in with the password, call, log out. Serves
 * the keystore commands ({@link #withKeystores}) and, for command groups outside this package
 * ({@code io.keyward.cli.secret}), the secret-storage commands ({@link #withSecretStorage}: the session with the
 * user's secret storage unlocked from the key bundle).
 *
 * <p>Keystore data comes from {@code --in FILE} or standard input, raw bytes or base64 text with {@code --base64};
 * with {@code --password-stdin} the password is the first line and the data the rest, so commands read their data
 * inside {@link #withKeystores}, after the password.
 */
public abstract class SessionCommand extends UserCommand {
    /** Logs in, runs {@code work} on the keystores API, and ends the session. */
    <T> T withKeystores(Function<Keystores, T> work) {
        return inSession("keyward-cli", session -> work.apply(new Keystores(session)));
    }

    /**
     * Logs in, unlocks secret storage from the key bundle, runs {@code work}, logs out. Secret-storage
     * failures become one-line CLI errors.
     */
    protected <T> T withSecretStorage(Function<SecretStorage, T> work) {
        try {
            return inSession("keyward-cli", session -> {
                try (SecretStorage secrets = SecretStorage.open(session)) {
                    return work.apply(secrets);
                }
            });
        } catch (SecretStorageException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** The bytes of {@code in} (a file) or of standard input; base64 text decoded when {@code base64}. */
    static byte[] readData(Path in, boolean base64) {
        byte[] data;
        try {
            if (in != null) {
                data = Files.readAllBytes(in);
            } else {
                InputStream stdin = System.in;
                data = stdin.readAllBytes();
            }
        } catch (IOException e) {
            throw new CliException("cannot read " + (in == null ? "standard input" : in) + ": " + e.getMessage());
        }
        if (!base64) {
            return data;
        }
        try {
            return Base64.getMimeDecoder().decode(new String(data, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw new CliException("the input is not base64 (drop --base64 for raw bytes)");
        }
    }

    /** A one-line text value (a kw:v... ciphertext or signature) from {@code --in} or standard input. */
    static String readText(Path in) {
        return new String(readData(in, false), StandardCharsets.US_ASCII).strip();
    }

    /**
     * Reads one more secret line the way passwords are read: the next line of stdin with --password-stdin (after
     * the password), else {@code envVar}, else a prompt ({@code isNew}: asked twice).
     */
    protected char[] readSecret(String what, String envVar, boolean isNew) {
        Passwords passwords = account.passwords();
        passwords.requireSource(what, envVar);
        return passwords.read(what, envVar, isNew);
    }

    protected void clear(char[] secret) {
        Passwords.clear(secret);
    }

    protected boolean jsonOutput() {
        return json;
    }

    protected void println(String text) {
        print(text);
    }

    protected void printJsonObject(Map<String, ?> fields) {
        printJson(fields);
    }

    protected PrintWriter stdout() {
        return out();
    }
}
