package io.keyward.cli.user;

import io.keyward.cli.CliException;
import io.keyward.client.KeywardClient;
import io.keyward.crypto.CryptoException;
import io.keyward.crypto.sequester.SequesterKeys;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keyward org ...}: an organization's own commands (its first user bootstraps it). */
@Command(name = "org", mixinStandardHelpOptions = true,
        description = "An organization's own commands: bootstrap (its first user becomes its owner).",
        subcommands = {OrgCommand.Bootstrap.class})
public final class OrgCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (see keyward org --help)");
    }

    /** {@code keyward org bootstrap}: registers the org's first user, its owner, with the one-time bootstrap token. */
    @Command(name = "bootstrap", mixinStandardHelpOptions = true,
            description = {"Register an organization's first user, who becomes its owner, with the one-time bootstrap"
                    + " token that 'keyward admin org create' printed (--token, or the whole --url, which also names"
                    + " the server and the org). The account is completed at once, as with register.",
                "--sequester-key names the org's sequester authority (an RSA public key of 2048 bits or more, PEM):"
                        + " now or never, and never changeable afterwards."})
    static final class Bootstrap extends UserCommand {
        static final class TokenSource {
            @Option(names = "--token", paramLabel = "TOKEN", required = true, description = "The bootstrap token.")
            String token;

            @Option(names = "--url", paramLabel = "URL", required = true,
                    description = "The bootstrap URL (keyward://bootstrap?server=...&org=...&token=...).")
            String url;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        TokenSource source;

        @Option(names = "--sequester-key", paramLabel = "FILE",
                description = "The sequester authority's RSA public key (PEM, e.g. from openssl rsa -pubout).")
        Path sequesterKey;

        @Option(names = "--device-name", paramLabel = "NAME", defaultValue = "keyward-cli",
                description = "A name for this device (default: ${DEFAULT-VALUE}).")
        String deviceName;

        @Override
        public Integer call() {
            String token = source.token;
            if (source.url != null) {
                BootstrapUrl parsed = BootstrapUrl.parse(source.url);
                token = parsed.token();
                if (serverOptions.serverFlag() == null) {
                    serverOptions.serverFlag(parsed.server());
                }
                if (account.org == null) {
                    account.org = parsed.org();
                } else if (!account.org.equals(parsed.org())) {
                    throw new CliException("invalid_input: --org " + account.org + " differs from the URL's org " + parsed.org());
                }
            }
            if (account.org == null) {
                throw new CliException("invalid_input: --org is required with --token (the org being bootstrapped)");
            }
            String pem = sequesterKey == null ? null : readSequesterKey(sequesterKey);
            resolve();
            String userId = user();
            String bootstrapToken = token;
            Passwords passwords = account.passwords();
            passwords.requireSource("password for " + userId, "KEYWARD_PASSWORD");
            try (KeywardClient client = connect()) {
                registerAndComplete(passwords, client, userId, deviceName, "Bootstrapped org " + org + ": registered",
                        password -> client.bootstrap(org, userId, password, bootstrapToken, pem));
            }
            return 0;
        }

        /** Checked here as the server checks it, so a wrong file fails before the one-time token is spent. */
        private static String readSequesterKey(Path file) {
            String pem;
            try {
                pem = Files.readString(file, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new CliException("invalid_input: cannot read --sequester-key " + file + ": " + e.getMessage());
            }
            try {
                SequesterKeys.require(SequesterKeys.readPublicKeyPem(pem));
            } catch (CryptoException | IllegalArgumentException e) {
                throw new CliException("sequester_key_invalid: " + file + ": " + e.getMessage());
            }
            return pem;
        }
    }

    /** {@code keyward://bootstrap?server=...&org=...&token=...}, as {@code admin org create} prints it. */
    record BootstrapUrl(String server, String org, String token) {
        static BootstrapUrl parse(String text) {
            URI uri;
            try {
                uri = new URI(text.strip());
            } catch (URISyntaxException e) {
                throw new CliException("invalid_input: --url is not a URL: " + e.getReason());
            }
            if (!"keyward".equals(uri.getScheme()) || !"bootstrap".equals(uri.getHost()) || uri.getRawQuery() == null) {
                throw new CliException("invalid_input: --url must be keyward://bootstrap?server=...&org=...&token=...");
            }
            Map<String, String> query = new LinkedHashMap<>();
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
                }
            }
            String server = query.get("server");
            String org = query.get("org");
            String token = query.get("token");
            if (server == null || org == null || token == null) {
                throw new CliException("invalid_input: --url lacks " + (server == null ? "server" : org == null ? "org" : "token"));
            }
            return new BootstrapUrl(server, org, token);
        }

        private static String decode(String part) {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "BootstrapUrl[server=" + server + ", org=" + org + ", token=redacted]";
        }
    }
}
