package io.keyward.cli.user;

import io.keyward.client.KeywardClient;
import io.keyward.client.Session;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keyward logout}: forget the default user; with {@code --all}, end every session on the server. */
@Command(name = "logout", mixinStandardHelpOptions = true,
        description = {"Without --all: forget the user in the profile (server, org and pinned certificates stay)."
                + " No session is kept on disk, so there is none to end and no password is needed.",
            "With --all: log in (password needed) and end every session of the account on the server, on every"
                    + " device, e.g. after a device was lost. Also forgets the user in the profile."})
public final class LogoutCommand extends UserCommand {
    @Option(names = "--all", description = "End every session of the account on the server.")
    boolean all;

    @Override
    public Integer call() {
        resolve();
        String userId = user();
        if (all) {
            Passwords passwords = account.passwords();
            passwords.requireSource("password for " + userId, "KEYWARD_PASSWORD");
            try (KeywardClient client = connect()) {
                char[] password = passwords.read("password for " + userId, "KEYWARD_PASSWORD", false);
                try (Session session = requestSession(client, userId, password, "keyward-cli")) {
                    Passwords.clear(password);
                    session.logoutAll();
                } finally {
                    Passwords.clear(password);
                }
            }
        }
        boolean forgot = userId.equals(profile.userId()) && server.origin().equals(profile.server());
        if (forgot) {
            store.save(store.load().withoutUser());
        }
        if (json) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("server", server.origin());
            fields.put("org", org);
            fields.put("user_id", userId);
            fields.put("all_sessions_ended", all);
            fields.put("profile_user_forgotten", forgot);
            printJson(fields);
        } else {
            print((all ? "Ended every session of " + userId + " in org " + org + " on " + server + "." : "No session is kept on disk.")
                    + (forgot ? " Forgot " + userId + " as the profile's default user." : ""));
        }
        return 0;
    }
}
