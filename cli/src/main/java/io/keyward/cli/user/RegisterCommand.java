package io.keyward.cli.user;

import io.keyward.client.KeywardClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keyward register}: a new account, completed at once with its first device. */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = {"Register a new account with OPAQUE (the password never leaves this machine), then complete it:"
                + " a new key bundle wrapped under a key derived from the password, and this machine as the first"
                + " device (its private keys stay in the profile directory, mode 0600).",
            "Asks for the password twice (or reads --password-stdin / KEYWARD_PASSWORD). Remembers server, org and"
                    + " user in the profile ($KEYWARD_HOME or ~/.keyward).",
            "An org that registers by invitation needs --token; an org's first user runs 'keyward org bootstrap'."})
public final class RegisterCommand extends UserCommand {
    @Option(names = "--token", paramLabel = "TOKEN", description = "One-time invitation token (keyward admin org invite).")
    String token;

    @Option(names = "--device-name", paramLabel = "NAME", defaultValue = "keyward-cli",
            description = "A name for this device (default: ${DEFAULT-VALUE}).")
    String deviceName;

    @Override
    public Integer call() {
        resolve();
        String userId = user();
        Passwords passwords = account.passwords();
        passwords.requireSource("password for " + userId, "KEYWARD_PASSWORD");
        try (KeywardClient client = connect()) {
            registerAndComplete(passwords, client, userId, deviceName, "Registered",
                    password -> client.register(org, userId, password, token));
        }
        return 0;
    }
}
