package io.keyward.cli.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.cli.CliException;
import io.keyward.cli.ExitCodes;
import io.keyward.server.KeywardNode;
import io.keyward.server.NodeStartException;
import io.keyward.server.StartReport;
import io.keyward.server.config.ConfigException;
import io.keyward.server.config.ConfigField;
import io.keyward.server.config.ConfigLoader;
import io.keyward.server.config.ConfigPrinter;
import io.keyward.server.config.ConfigSources;
import io.keyward.server.config.NodeConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keyward server}: starts a node and serves until SIGTERM/SIGINT (or until its thread is
 * interrupted, which is how in-process tests stop it). Prints the listen URL and certificate
 * fingerprint on every start, and on the first start the admin token, once.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = {
            "Start a Keyward server node: HTTPS with TLS 1.3 only, HTTP/2 where the client offers it.",
            "",
            "On first start with an empty data directory it creates the SQLite database, the root key file"
                    + " (mode 0600; back it up), a self-signed certificate whose SHA-256 fingerprint it prints,"
                    + " and an admin token that it prints once.",
            "",
            "Configuration: a YAML file (--config), KEYWARD_* environment variables, then these options, each"
                    + " overriding the one before; see docs/configuration.md."})
public final class ServerCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory (default: KEYWARD_DATA, else ./keyward-data).")
    Path data;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file.")
    Path config;

    @Option(names = "--port", paramLabel = "N", description = "HTTPS port (default 8443; 0 picks a free port).")
    String port;

    @Option(names = "--print-config", description = "Print the effective configuration as YAML (secrets masked) and exit.")
    boolean printConfig;

    @Option(names = "--json", description = "Print the start report as one JSON object instead of text.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        NodeConfig nodeConfig = loadConfig(System.getenv());
        PrintWriter out = spec.commandLine().getOut();
        if (printConfig) {
            out.print(ConfigPrinter.yaml(nodeConfig));
            out.flush();
            return ExitCodes.OK;
        }

        KeywardNode node = new KeywardNode(nodeConfig);
        StartReport report;
        try {
            report = node.start();
        } catch (NodeStartException e) {
            throw new CliException(e.getMessage(), ExitCodes.CONFIG);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            // SIGTERM / SIGINT: stop accepting, drain within server.shutdown_grace, close the pool.
            node.stop();
            stopped.countDown();
        }, "keyward-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        print(out, report);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            node.stop();
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    NodeConfig loadConfig(Map<String, String> env) {
        Map<ConfigField, String> flags = new EnumMap<>(ConfigField.class);
        if (data != null) {
            flags.put(ConfigField.DATA_DIR, data.toString());
        }
        if (port != null) {
            flags.put(ConfigField.SERVER_PORT, port);
        }
        try {
            return ConfigLoader.load(new ConfigSources(Optional.ofNullable(config), env, flags));
        } catch (ConfigException e) {
            throw new CliException(e.getMessage(), ExitCodes.CONFIG);
        }
    }

    private void print(PrintWriter out, StartReport report) {
        if (json) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("url", report.url());
            fields.put("certificate_sha256", report.fingerprint());
            report.adminToken().ifPresent(token -> fields.put("admin_token", token));
            fields.put("root_lock", report.rootLock());
            report.rootKeyFile().ifPresent(file -> fields.put("root_key_file", file.toString()));
            fields.put("root_key_created", report.rootKeyCreated());
            fields.put("certificate_created", report.certificateCreated());
            try {
                out.println(new ObjectMapper().writeValueAsString(fields));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the start report", e);
            }
        } else {
            out.println("Certificate SHA-256 fingerprint: " + report.fingerprint());
            if (report.rootKeyCreated()) {
                out.println("Root key file created: " + report.rootKeyFile().orElseThrow());
                out.println("  Back it up now and keep the copy apart from the database: without it nothing in"
                        + " this node's database can be decrypted.");
            }
            report.adminToken().ifPresent(token -> {
                out.println("Admin token (shown only this once; store it now): " + token);
                out.println("  Admin commands read it from KEYWARD_ADMIN_TOKEN or --admin-token-file.");
            });
            // A first start creates the certificate too (and the admin token): nobody pinned an old one.
            if (report.certificateCreated() && !report.rootKeyCreated() && report.adminToken().isEmpty()) {
                out.println("Created a new self-signed certificate: clients that pinned the old one must pin it again.");
            }
            // Last, so that a script reading the output knows the report is complete.
            out.println("Keyward node listening on " + report.url());
        }
        out.flush();
    }
}
