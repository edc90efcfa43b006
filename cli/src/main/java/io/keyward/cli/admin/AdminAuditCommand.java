package io.keyward.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyward.protocol.WireJson;
import io.keyward.server.audit.AuditChain;
import io.keyward.server.audit.AuditEntry;
import io.keyward.server.audit.AuditExport;
import io.keyward.server.audit.AuditQuery;
import io.keyward.server.audit.Checkpoint;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keyward admin audit ...}: export an organization's audit log, sign a checkpoint. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "An organization's audit log: export it for offline verification, or sign a checkpoint now.",
        subcommands = {AdminAuditCommand.Export.class, AdminAuditCommand.SignCheckpoint.class})
public final class AdminAuditCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: export or checkpoint");
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Writes the organization's entries and checkpoints as JSON lines, with the server's audit"
                    + " public key in a header line (docs/formats.md, \"Audit export\").",
                    "Check it with: keyward offline audit verify FILE --key PUBKEY"})
    static final class Export implements Callable<Integer> {
        @Mixin
        AdminConnection connection;

        @Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization (_node: the node chain).")
        String org;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the export.")
        Path out;

        @Option(names = "--json", description = "Print {\"org\": ..., \"entries\": N, \"checkpoints\": N, \"file\": ...}.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            String orgPath = AdminConnection.encode(org);
            JsonNode key = connection.get("/v1/orgs/" + orgPath + "/audit/key");
            // Checkpoints first: each names a seq the entries read afterwards already contain.
            List<Checkpoint> checkpoints = new ArrayList<>();
            for (JsonNode node : connection.get("/v1/admin/orgs/" + orgPath + "/audit/checkpoints").path("checkpoints")) {
                checkpoints.add(WireJson.mapper().treeToValue(node, Checkpoint.class));
            }
            AuditExport.Header header = new AuditExport.Header(AuditExport.FORMAT, org, key.path("public_key").asText(),
                    key.path("public_key_pem").asText(), AuditChain.formatTime(Instant.now()));
            Path temporary = out.resolveSibling(out.getFileName() + ".partial");
            long entries = 0;
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                List<AuditEntry> all = new ArrayList<>();
                long after = 0;
                while (true) {
                    JsonNode page = connection.get("/v1/admin/orgs/" + orgPath + "/audit?after_seq=" + after
                            + "&limit=" + AuditQuery.MAX_LIMIT);
                    for (JsonNode node : page.path("entries")) {
                        all.add(WireJson.mapper().treeToValue(node, AuditEntry.class));
                    }
                    if (page.path("next_after_seq").isNull() || page.path("next_after_seq").isMissingNode()) {
                        break;
                    }
                    after = page.path("next_after_seq").asLong();
                }
                entries = all.size();
                AuditExport.write(writer, header, all, checkpoints);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temporary);
                throw e;
            }
            Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("org", org);
                result.put("entries", entries);
                result.put("checkpoints", checkpoints.size());
                result.put("file", out.toString());
                result.put("public_key", header.publicKey());
                System.out.println(WireJson.mapper().writeValueAsString(result));
            } else {
                System.out.println("exported " + entries + " entries and " + checkpoints.size() + " checkpoints of org "
                        + org + " to " + out + " (audit key " + header.publicKey() + ")");
            }
            return 0;
        }
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true,
            description = "Asks the server to sign a checkpoint of the organization's chain now, and prints it.")
    static final class SignCheckpoint implements Callable<Integer> {
        @Mixin
        AdminConnection connection;

        @Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization.")
        String org;

        @Option(names = "--json", description = "Print the checkpoint as JSON.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            JsonNode checkpoint = connection.post("/v1/admin/orgs/" + AdminConnection.encode(org) + "/audit/checkpoint");
            if (json) {
                System.out.println(WireJson.mapper().writeValueAsString(checkpoint));
            } else {
                System.out.println("checkpoint of org " + org + " at seq " + checkpoint.path("seq").asLong() + ", head "
                        + checkpoint.path("head_hash").asText() + ", signed " + checkpoint.path("time").asText());
            }
            return 0;
        }
    }
}
