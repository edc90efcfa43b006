package io.keyward.cli.user;

import io.keyward.client.KeywardClient;
import io.keyward.crypto.ssss.SecretStorageKey;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code keyward recover}: a new password for a user who forgot theirs, authorized by the recovery key. */
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = {"Set a new password with your recovery key (shown once at registration) when you forgot the"
                + " password: a fresh OPAQUE registration, your secret-storage key rewrapped under it, accepted by the"
                + " server only with a proof of the recovery key (docs/secrets.md, \"Recovery\"). Every session ends;"
                + " every secret reads again with the new password.",
            "Input: with --password-stdin the recovery key on the first line and the new password on the second; else"
                    + " KEYWARD_RECOVERY_KEY and KEYWARD_NEW_PASSWORD; else prompts."})
public final class RecoverCommand extends UserCommand {
    @Override
    public Integer call() {
        resolve();
        String userId = user();
        Passwords passwords = account.passwords();
        passwords.requireSource("recovery key for " + userId, "KEYWARD_RECOVERY_KEY");
        passwords.requireSource("new password for " + userId, "KEYWARD_NEW_PASSWORD");
        try (KeywardClient client = connect()) {
            char[] recoveryKey = passwords.read("recovery key for " + userId, "KEYWARD_RECOVERY_KEY", false);
            char[] replacement = null;
            try (SecretStorageKey key = SecretStorageKey.fromRecoveryKey(new String(recoveryKey))) {
                replacement = passwords.read("new password for " + userId, "KEYWARD_NEW_PASSWORD", true);
                client.recover(org, userId, replacement, key);
            } finally {
                Passwords.clear(recoveryKey, replacement);
            }
        }
        rememberAccount(userId);
        if (json) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("server", server.origin());
            fields.put("org", org);
            fields.put("user_id", userId);
            fields.put("recovered", true);
            printJson(fields);
        } else {
            print("New password set for " + userId + " in org " + org + " with the recovery key; every session of the"
                    + " account has ended.");
        }
        return 0;
    }
}
