package io.keyward.cli.user;

import io.keyward.cli.CliException;
import io.keyward.client.KeywardClient;
import io.keyward.client.Session;
import io.keyward.client.secrets.SecretStorage;
import io.keyward.client.secrets.SecretStorageException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code keyward passwd}: a new OPAQUE registration and the key bundle rewrapped, atomically. */
@Command(name = "passwd", mixinStandardHelpOptions = true,
        description = {"Change the password: logs in with the current one, registers the new one with OPAQUE and rewraps"
                + " the account's key bundle under the new password's keys, in one atomic server update. Every other"
                + " session of the account ends.",
            "Passwords: with --password-stdin the current one on the first line and the new one on the second; else"
                    + " KEYWARD_PASSWORD and KEYWARD_NEW_PASSWORD; else prompts (the new one twice)."})
public final class PasswdCommand extends UserCommand {
    @Override
    public Integer call() {
        resolve();
        String userId = user();
        Passwords passwords = account.passwords();
        passwords.requireSource("current password for " + userId, "KEYWARD_PASSWORD");
        passwords.requireSource("new password for " + userId, "KEYWARD_NEW_PASSWORD");
        try (KeywardClient client = connect()) {
            char[] current = passwords.read("current password for " + userId, "KEYWARD_PASSWORD", false);
            char[] replacement = null;
            try (Session session = requestSession(client, userId, current, "keyward-cli")) {
                replacement = passwords.read("new password for " + userId, "KEYWARD_NEW_PASSWORD", true);
                if (Arrays.equals(current, replacement)) {
                    throw new CliException("invalid_input: the new password is the current one");
                }
                try (SecretStorage secrets = SecretStorage.open(session)) {
                    session.changePassword(replacement, secrets::keyBundleFor);
                } catch (SecretStorageException e) {
                    throw new CliException(e.getMessage());
                }
            } finally {
                Passwords.clear(current, replacement);
            }
            if (json) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("server", server.origin());
                fields.put("org", org);
                fields.put("user_id", userId);
                fields.put("password_changed", true);
                printJson(fields);
            } else {
                print("Password changed for " + userId + " in org " + org + "; every other session of the account has ended.");
            }
        }
        return 0;
    }
}
