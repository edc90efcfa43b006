package io.keyward.cli.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.cli.profile.ProfileStore;
import io.keyward.cli.profile.ServerAddress;
import io.keyward.cli.profile.ServerConnection;
import io.keyward.cli.profile.ServerOptions;
import io.keyward.client.KeywardClient;
import io.keyward.protocol.account.CreateOrgRequest;
import io.keyward.protocol.account.CreateOrgResponse;
import io.keyward.protocol.account.InvitationResponse;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keyward admin org ...}: create organizations and issue invitations. */
@Command(name = "org", mixinStandardHelpOptions = true,
        description = "Organizations: create one (prints its one-time bootstrap token), issue invitation tokens.",
        subcommands = {AdminOrgCommand.Create.class, AdminOrgCommand.Invite.class})
public final class AdminOrgCommand implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: create or invite");
    }

    /** Options every admin org command takes. */
    abstract static class AdminCall implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ServerOptions serverOptions;

        @Mixin
        AdminTokenOptions adminToken;

        @Option(names = "--json", description = "Print the result as one JSON object.")
        boolean json;

        ServerAddress server;

        KeywardClient connect() {
            ProfileStore store = ProfileStore.standard();
            server = serverOptions.address(store.load());
            return ServerConnection.open(store, server, serverOptions, spec.commandLine().getErr());
        }

        void print(String line) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(line);
            out.flush();
        }

        void printJson(Map<String, ?> fields) {
            try {
                print(JSON.writeValueAsString(fields));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write JSON", e);
            }
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create an organization and print its one-time bootstrap token and URL: the first user who"
                    + " registers with it ('keyward org bootstrap') becomes the org's owner. The token is shown only once.",
                "Defaults: suite ristretto255-sha512, registration by invitation, ksf argon2id(m=65536,t=3,p=4)."})
    static final class Create extends AdminCall {
        @Parameters(index = "0", paramLabel = "NAME", description = "The organization's name.")
        String name;

        @Option(names = "--suite", paramLabel = "SUITE", description = "OPAQUE suite: ristretto255-sha512 or p256-sha256.")
        String suite;

        @Option(names = "--registration", paramLabel = "POLICY",
                description = "open (anyone registers) or invitation (a one-time token per user).")
        String registration;

        @Option(names = "--ksf", paramLabel = "KSF",
                description = "Key-stretching function every client applies, e.g. argon2id(m=65536,t=3,p=4) or scrypt(N=32768,r=8,p=1).")
        String ksf;

        @Override
        public Integer call() {
            String token = adminToken.token();
            try (KeywardClient client = connect()) {
                CreateOrgResponse created = client.createOrg(token, new CreateOrgRequest(name, suite, registration, ksf));
                if (json) {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("org", created.org());
                    fields.put("suite", created.suite());
                    fields.put("registration", created.registration());
                    fields.put("ksf", created.ksf());
                    fields.put("bootstrap_token", created.bootstrapToken());
                    fields.put("bootstrap_url", created.bootstrapUrl());
                    printJson(fields);
                } else {
                    print("Created org " + created.org() + " (suite " + created.suite() + ", registration "
                            + created.registration() + ", ksf " + created.ksf() + ").");
                    print("Bootstrap token (shown only this once): " + created.bootstrapToken());
                    print("Bootstrap URL: " + created.bootstrapUrl());
                    print("Its first user becomes the owner: keyward org bootstrap --url '" + created.bootstrapUrl()
                            + "' --user ID");
                }
            }
            return 0;
        }
    }

    @Command(name = "invite", mixinStandardHelpOptions = true,
            description = "Issue a one-time invitation token for an org that registers by invitation (shown only once).")
    static final class Invite extends AdminCall {
        @Option(names = "--org", paramLabel = "ORG", required = true, description = "The organization.")
        String org;

        @Override
        public Integer call() {
            String token = adminToken.token();
            try (KeywardClient client = connect()) {
                InvitationResponse invitation = client.createInvitationDetails(token, org);
                if (json) {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("org", invitation.org());
                    fields.put("token", invitation.token());
                    fields.put("expires_at", String.valueOf(invitation.expiresAt()));
                    printJson(fields);
                } else {
                    print("Invitation token for org " + invitation.org() + " (one use, expires "
                            + (invitation.expiresAt() == null ? "never"
                                    : invitation.expiresAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                            + "): " + invitation.token());
                    print("The new user runs: keyward register --server " + server + " --org " + invitation.org()
                            + " --user ID --token " + invitation.token());
                }
            }
            return 0;
        }
    }
}
