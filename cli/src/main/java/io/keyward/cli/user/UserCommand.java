package io.keyward.cli.user;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.cli.CliException;
import io.keyward.cli.profile.Profile;
import io.keyward.cli.profile.ProfileStore;
import io.keyward.cli.profile.ServerAddress;
import io.keyward.cli.profile.ServerConnection;
import io.keyward.cli.profile.ServerOptions;
import io.keyward.client.KeywardApiException;
import io.keyward.client.KeywardClient;
import io.keyward.client.RegistrationResult;
import io.keyward.client.Session;
import io.keyward.client.secrets.NewKeyBundle;
import io.keyward.client.secrets.SecretStorage;
import io.keyward.crypto.util.Bytes;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every user command shares: server and account options, the profile, the connection, output.
 *
 * <p>The command line keeps no session between runs: a session's channel keys would have to be stored
 * on disk to be reused, and a stolen copy would let anyone act as the user until it expired. So each
 * command that needs a session logs in with the password, does its work, and logs out.
 */
abstract class UserCommand implements Callable<Integer> {
    static final String NO_SESSION_KEPT = "The command line keeps no session on disk: whoami, passwd and logout --all"
            + " log in again with the password (prompt, --password-stdin or KEYWARD_PASSWORD).";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions serverOptions;

    @Mixin
    AccountOptions account;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    ProfileStore store;
    Profile profile;
    ServerAddress server;
    String org;

    /** Loads the profile and resolves server and org (not the user, which not every command needs). */
    void resolve() {
        store = ProfileStore.standard();
        profile = store.load();
        server = serverOptions.address(profile);
        org = account.org(profile, server);
    }

    String user() {
        return account.user(profile, server, org);
    }

    KeywardClient connect() {
        return ServerConnection.open(store, server, serverOptions, err());
    }

    /** Records server, org and user as the profile's defaults (pins written since are kept). */
    void rememberAccount(String userId) {
        store.save(store.load().withAccount(server, org, userId));
    }

    /**
     * The one way a command works in a session: resolves server, org and user, reads the password
     * (--password-stdin's first line, KEYWARD_PASSWORD or a prompt; cleared as soon as the login is
     * done), opens a request session, runs {@code work}, and ends the session (closing logs out).
     */
    <T> T inSession(String deviceName, java.util.function.Function<Session, T> work) {
        resolve();
        String userId = user();
        Passwords passwords = account.passwords();
        passwords.requireSource("password for " + userId, "KEYWARD_PASSWORD");
        try (KeywardClient client = connect()) {
            char[] password = passwords.read("password for " + userId, "KEYWARD_PASSWORD", false);
            Session session;
            try {
                session = requestSession(client, userId, password, deviceName);
            } finally {
                Passwords.clear(password);
            }
            try (session) {
                return work.apply(session);
            }
        }
    }

    /**
     * A request session. A pending account (a registration interrupted before completion) is completed
     * first with a new device, and then logged in again.
     */
    Session requestSession(KeywardClient client, String userId, char[] password, String deviceName) {
        Session session = client.login(org, userId, password);
        if (!session.registrationPending()) {
            return session;
        }
        showRecoveryKey(complete(session, userId, deviceName).recoveryKey(), err());
        err().println("Completed the pending account " + userId + " (its registration had been interrupted) with this"
                + " machine as its first device.");
        err().flush();
        return client.login(org, userId, password);
    }

    /** A completed account: its first device and the recovery key of its default secret-storage key. */
    record Completed(ProvisionalAccountKeys.NewDevice device, String recoveryKey) {
        @Override
        public String toString() {
            return "Completed[" + device.keyFile() + ", recovery key redacted]";
        }
    }

    /**
     * Completes an account from its registration session (which then closes): a new default secret-storage
     * key in the key bundle (docs/secrets.md) and this machine as the first device.
     */
    Completed complete(Session registration, String userId, String deviceName) {
        NewKeyBundle bundle = SecretStorage.newKeyBundle(registration.exportKeys());
        ProvisionalAccountKeys.NewDevice device;
        try {
            device = ProvisionalAccountKeys.newDevice(store, server, org, userId, deviceName, bundle.keyBundle());
        } finally {
            Bytes.zeroize(bundle.keyBundle());
        }
        try (registration) {
            registration.complete(device.request());
            return new Completed(device, bundle.recoveryKey());
        } catch (RuntimeException e) {
            ProvisionalAccountKeys.discard(device);
            throw e;
        }
    }

    /** Shows the recovery key, once: it is not stored anywhere in the clear and never shown again. */
    void showRecoveryKey(String recoveryKey, PrintWriter to) {
        to.println("Recovery key (shown once; write it down and keep it apart from your password: with it you can"
                + " read your secrets and set a new password if you forget this one):");
        to.println("  " + recoveryKey);
        to.flush();
    }

    /**
     * Registers (with {@code registration}, which gets the new password), then completes the account from
     * its registration session with a new device, and records the account in the profile.
     */
    void registerAndComplete(Passwords passwords, KeywardClient client, String userId, String deviceName, String verb,
                             Function<char[], RegistrationResult> registration) {
        char[] password = passwords.read("password for " + userId, "KEYWARD_PASSWORD", true);
        try {
            RegistrationResult registered = registration.apply(password);
            ProvisionalAccountKeys.NewDevice device;
            String recoveryKey;
            try {
                Completed completed = complete(client.login(org, registered.userId(), password), registered.userId(), deviceName);
                device = completed.device();
                recoveryKey = completed.recoveryKey();
            } catch (KeywardApiException e) {
                throw new CliException(e.code() + ": " + e.detail() + " (" + registered.userId()
                        + " is registered but pending; keyward login completes it)");
            }
            rememberAccount(registered.userId());
            if (json) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("server", server.origin());
                fields.put("org", registered.org());
                fields.put("user_id", registered.userId());
                fields.put("role", registered.role());
                fields.put("status", "active");
                fields.put("device_name", device.request().device().name());
                fields.put("device_key_file", device.keyFile().toString());
                fields.put("recovery_key", recoveryKey);
                printJson(fields);
            } else {
                print(verb + " " + registered.userId() + " in org " + registered.org() + " on " + server + " (role "
                        + registered.role() + "); the account is complete.");
                print("First device \"" + device.request().device().name() + "\": private keys in " + device.keyFile()
                        + " (mode 0600, provisional format).");
                showRecoveryKey(recoveryKey, out());
            }
        } finally {
            Passwords.clear(password);
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    void print(String text) {
        out().println(text);
        out().flush();
    }

    void printJson(Map<String, ?> fields) {
        try {
            print(JSON.writeValueAsString(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
