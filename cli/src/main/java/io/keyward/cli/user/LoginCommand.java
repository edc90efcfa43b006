package io.keyward.cli.user;

import io.keyward.client.KeywardClient;
import io.keyward.cli.CliException;
import io.keyward.client.Session;
import io.keyward.client.secrets.SecretStorage;
import io.keyward.client.secrets.SecretStorageException;
import io.keyward.protocol.account.AccountInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keyward login}: checks the password, pins the server, remembers the account. */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Log in with OPAQUE: proves the password to the server (which never sees it), pins the server's"
                + " certificate where needed and remembers server, org and user in the profile as the defaults of later"
                + " commands.",
            UserCommand.NO_SESSION_KEPT + " The session opened here ends when the command does.",
            "A pending account (registration interrupted before completion) is completed with this machine as its first device."})
public final class LoginCommand extends UserCommand {
    @Option(names = "--device-name", paramLabel = "NAME", defaultValue = "keyward-cli",
            description = "Device name, used only to complete a pending account (default: ${DEFAULT-VALUE}).")
    String deviceName;

    @Override
    public Integer call() {
        resolve();
        String userId = user();
        Passwords passwords = account.passwords();
        passwords.requireSource("password for " + userId, "KEYWARD_PASSWORD");
        try (KeywardClient client = connect()) {
            char[] password = passwords.read("password for " + userId, "KEYWARD_PASSWORD", false);
            AccountInfo info;
            try (Session session = requestSession(client, userId, password, deviceName)) {
                Passwords.clear(password);
                info = session.account();
                // Unlocks the secret-storage key from the key bundle; the first login after completion
                // also publishes its description (the registration session accepts nothing else).
                try (SecretStorage secrets = SecretStorage.open(session)) {
                    secrets.defaultKeyId();
                } catch (SecretStorageException e) {
                    throw new CliException(e.getMessage());
                }
            } finally {
                Passwords.clear(password);
            }
            rememberAccount(info.userId());
            if (json) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("server", server.origin());
                fields.put("org", info.org());
                fields.put("user_id", info.userId());
                fields.put("role", info.role());
                fields.put("status", info.status());
                fields.put("session_kept", false);
                printJson(fields);
            } else {
                print("Logged in as " + info.userId() + " in org " + info.org() + " on " + server + " (role "
                        + info.role() + "); saved as the default account. No session is kept: later commands log in again.");
            }
        }
        return 0;
    }
}
