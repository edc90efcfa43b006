package io.keyward.cli.user;

import io.keyward.cli.CliException;
import io.keyward.client.KeywardClient;
import io.keyward.client.Session;
import io.keyward.client.secrets.SecretStorage;
import io.keyward.client.secrets.SecretStorageException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Function;

/**
 * A user command that works inside one logged-in session with the user's secret storage unlocked (from the
 * key bundle). For command groups outside this package ({@code io.keyward.cli.secret}).
 */
public abstract class SessionCommand extends UserCommand {
    /**
     * Logs in (password from --password-stdin's first line, KEYWARD_PASSWORD or a prompt), unlocks secret
     * storage, runs {@code work}, logs out. Secret-storage failures become one-line CLI errors.
     */
    protected <T> T withSecretStorage(Function<SecretStorage, T> work) {
        resolve();
        String userId = user();
        Passwords passwords = account.passwords();
        passwords.requireSource("password for " + userId, "KEYWARD_PASSWORD");
        try (KeywardClient client = connect()) {
            char[] password = passwords.read("password for " + userId, "KEYWARD_PASSWORD", false);
            try (Session session = requestSession(client, userId, password, "keyward-cli")) {
                Passwords.clear(password);
                try (SecretStorage secrets = SecretStorage.open(session)) {
                    return work.apply(secrets);
                }
            } finally {
                Passwords.clear(password);
            }
        } catch (SecretStorageException e) {
            throw new CliException(e.getMessage());
        }
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
