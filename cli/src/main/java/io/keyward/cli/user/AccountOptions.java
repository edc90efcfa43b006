package io.keyward.cli.user;

import io.keyward.cli.CliException;
import io.keyward.cli.profile.Profile;
import io.keyward.cli.profile.ServerAddress;
import picocli.CommandLine.Option;

/** {@code --org}, {@code --user} and {@code --password-stdin}, shared by the user commands. */
public final class AccountOptions {
    static final String DEFAULT_ORG = "default";

    @Option(names = "--org", paramLabel = "ORG",
            description = "Organization (default: the profile's for this server, else '" + DEFAULT_ORG + "').")
    String org;

    @Option(names = "--user", paramLabel = "ID", description = "User id (default: the profile's for this server).")
    String user;

    @Option(names = "--password-stdin",
            description = "Read the password from the first line of standard input (passwd: the current password,"
                    + " then the new one on the second line) instead of KEYWARD_PASSWORD or a prompt.")
    boolean passwordStdin;

    /** The org: {@code --org}, else the profile's when it is for the same server, else {@value #DEFAULT_ORG}. */
    String org(Profile profile, ServerAddress server) {
        if (org != null) {
            return org;
        }
        return sameServer(profile, server) && profile.org() != null ? profile.org() : DEFAULT_ORG;
    }

    /** The user id: {@code --user}, else the profile's when it is for the same server and org. */
    String user(Profile profile, ServerAddress server, String effectiveOrg) {
        if (user != null) {
            return user;
        }
        if (sameServer(profile, server) && effectiveOrg.equals(profile.org()) && profile.userId() != null) {
            return profile.userId();
        }
        throw new CliException("invalid_input: --user is required (the profile has no user for " + server
                + " in org " + effectiveOrg + ")");
    }

    Passwords passwords() {
        return new Passwords(passwordStdin);
    }

    private static boolean sameServer(Profile profile, ServerAddress server) {
        return server.origin().equals(profile.server());
    }
}
