package io.keyward.cli.user;

import io.keyward.client.Session;
import io.keyward.protocol.account.AccountInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code keyward whoami}: the account as the server sees it, over a sealed request. */
@Command(name = "whoami", mixinStandardHelpOptions = true,
        description = {"Show the account (org, user, role, status) as the server reports it over the sealed channel.",
            UserCommand.NO_SESSION_KEPT})
public final class WhoamiCommand extends UserCommand {
    @Override
    public Integer call() {
        AccountInfo info = inSession("keyward-cli", Session::account);
        if (json) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("server", server.origin());
            fields.put("org", info.org());
            fields.put("user_id", info.userId());
            fields.put("role", info.role());
            fields.put("status", info.status());
            if (info.session() != null) {
                fields.put("session_expires_at", String.valueOf(info.session().expiresAt()));
            }
            printJson(fields);
        } else {
            print(info.userId() + " in org " + info.org() + " on " + server + " (role " + info.role() + ", "
                    + info.status() + ")");
        }
        return 0;
    }
}
