package io.keyward.cli.admin;

import io.keyward.cli.CliException;
import io.keyward.cli.profile.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where admin commands get the node's admin token: {@code --admin-token-file} (its first line), else
 * {@code KEYWARD_ADMIN_TOKEN}. Never a plain option value: command lines are visible to every user of
 * the machine ({@code ps}) and land in shell histories.
 */
public final class AdminTokenOptions {
    @Option(names = "--admin-token-file", paramLabel = "FILE",
            description = "File whose first line is the admin token (default: the KEYWARD_ADMIN_TOKEN variable).")
    Path tokenFile;

    String token() {
        if (tokenFile != null) {
            try {
                String token = Files.readAllLines(tokenFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
                if (token.isEmpty()) {
                    throw new CliException("invalid_input: --admin-token-file " + tokenFile + " is empty");
                }
                return token;
            } catch (IOException e) {
                throw new CliException("invalid_input: cannot read --admin-token-file " + tokenFile + ": " + e.getMessage());
            }
        }
        String token = Environment.get("KEYWARD_ADMIN_TOKEN");
        if (token == null) {
            throw new CliException("admin_token_required: set KEYWARD_ADMIN_TOKEN or pass --admin-token-file FILE"
                    + " (the token 'keyward server' printed on its first start)");
        }
        return token.strip();
    }
}
