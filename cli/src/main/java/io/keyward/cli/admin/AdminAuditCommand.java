package io.keyward.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyward.client.KeywardClient;
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
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
                    "Check it with: keyward offline audit verify FILE --key PUBKEY (a key obtained independently)."})
    static final class Export extends AdminOrgCommand.AdminCall {
        @Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization (_node: the node chain).")
        String org;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the export.")
        Path out;

        @Override
        public Integer call() throws IOException {
            String token = adminToken.token();
            String path = KeywardClientPaths.segment(org);
            Path temporary = out.resolveSibling(out.getFileName() + ".partial");
            long entries;
            List<Checkpoint> checkpoints = new ArrayList<>();
            AuditExport.Header header;
            try (KeywardClient client = connect()) {
                JsonNode key = client.call("GET", "/v1/orgs/" + path + "/audit/key", null, JsonNode.class);
                // Checkpoints first: each names a seq that the entries read afterwards already contain.
                for (JsonNode node : client.call("GET", "/v1/admin/orgs/" + path + "/audit/checkpoints", token,
                        JsonNode.class).path("checkpoints")) {
                    checkpoints.add(WireJson.mapper().treeToValue(node, Checkpoint.class));
                }
                header = new AuditExport.Header(AuditExport.FORMAT, org, key.path("public_key").asText(),
                        key.path("public_key_pem").asText(), AuditChain.formatTime(Instant.now()));
                List<AuditEntry> all = new ArrayList<>();
                long after = 0;
                while (true) {
                    JsonNode page = client.call("GET", "/v1/admin/orgs/" + path + "/audit?after_seq=" + after
                            + "&limit=" + AuditQuery.MAX_LIMIT, token, JsonNode.class);
                    for (JsonNode node : page.path("entries")) {
                        all.add(WireJson.mapper().treeToValue(node, AuditEntry.class));
                    }
                    JsonNode next = page.path("next_after_seq");
                    if (next.isNull() || next.isMissingNode()) {
                        break;
                    }
                    after = next.asLong();
                }
                entries = all.size();
                try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                    AuditExport.write(writer, header, all, checkpoints);
                }
                Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("org", org);
                result.put("entries", entries);
                result.put("checkpoints", checkpoints.size());
                result.put("file", out.toString());
                result.put("public_key", header.publicKey());
                printJson(result);
            } else {
                print("exported " + entries + " entries and " + checkpoints.size() + " checkpoints of org " + org
                        + " to " + out + " (audit key " + header.publicKey() + ")");
            }
            return 0;
        }
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true,
            description = "Asks the server to sign a checkpoint of the organization's chain now, and prints it.")
    static final class SignCheckpoint extends AdminOrgCommand.AdminCall {
        @Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization.")
        String org;

        @Override
        public Integer call() {
            String token = adminToken.token();
            try (KeywardClient client = connect()) {
                JsonNode checkpoint = client.call("POST", "/v1/admin/orgs/" + KeywardClientPaths.segment(org)
                        + "/audit/checkpoint", token, JsonNode.class);
                if (json) {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    checkpoint.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
                    printJson(fields);
                } else {
                    print("checkpoint of org " + org + " at seq " + checkpoint.path("seq").asLong() + ", head "
                            + checkpoint.path("head_hash").asText() + ", signed " + checkpoint.path("time").asText());
                }
            }
            return 0;
        }
    }

    /** Path segments as the client encodes them. */
    static final class KeywardClientPaths {
        private KeywardClientPaths() {}

        static String segment(String value) {
            return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
