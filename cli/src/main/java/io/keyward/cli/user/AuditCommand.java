package io.keyward.cli.user;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyward.cli.CliException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keyward audit}: the user's own audit entries (every entry where they are the actor, every login
 * attempt under their user id included), read over the sealed channel, oldest first.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Show your own audit entries: logins (also failed and refused ones under your user id) and"
                + " everything done in your sessions, oldest first, filtered and paged by seq.",
            UserCommand.NO_SESSION_KEPT})
public final class AuditCommand extends UserCommand {
    @Option(names = "--since", paramLabel = "TIME", description = "Entries at or after this RFC 3339 time (2026-11-25T10:00:00Z).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Entries before this RFC 3339 time.")
    String until;

    @Option(names = "--action", paramLabel = "ACTION", description = "Only this action, e.g. session.login.finish.")
    String action;

    @Option(names = "--target", paramLabel = "TARGET", description = "Only this target.")
    String target;

    @Option(names = "--outcome", paramLabel = "OUTCOME", description = "Only success, denied or failed.")
    String outcome;

    @Option(names = "--request-id", paramLabel = "ID", description = "Only the entry of this request.")
    String requestId;

    @Option(names = "--after-seq", paramLabel = "SEQ", description = "Paging: entries after this seq (default 0).")
    Long afterSeq;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N entries (1-1000, default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        if (limit < 1 || limit > 1000) {
            throw new CliException("invalid_input: --limit must be 1-1000");
        }
        JsonNode page = inSession("keyward-cli", session -> session.call("GET", "/v1/audit" + query(), null, JsonNode.class));
        if (json) {
            Map<String, Object> fields = new LinkedHashMap<>();
            List<JsonNode> entries = new ArrayList<>();
            page.path("entries").forEach(entries::add);
            fields.put("entries", entries);
            JsonNode next = page.path("next_after_seq");
            fields.put("next_after_seq", next.isNumber() ? next.asLong() : null);
            printJson(fields);
            return 0;
        }
        for (JsonNode e : page.path("entries")) {
            StringBuilder line = new StringBuilder();
            line.append(e.path("seq").asLong()).append("  ").append(e.path("time").asText()).append("  ")
                    .append(e.path("action").asText()).append("  ").append(e.path("outcome").asText());
            if (!e.path("code").isNull() && !e.path("code").isMissingNode()) {
                line.append(" (").append(e.path("code").asText()).append(')');
            }
            if (!e.path("target").isNull() && !e.path("target").isMissingNode()) {
                line.append("  target ").append(e.path("target").asText());
            }
            line.append("  from ").append(e.path("client").asText("-"));
            print(line.toString());
        }
        JsonNode next = page.path("next_after_seq");
        if (next.isNumber()) {
            print("(more: --after-seq " + next.asLong() + ")");
        }
        return 0;
    }

    private String query() {
        StringBuilder q = new StringBuilder("?limit=").append(limit);
        add(q, "since", since);
        add(q, "until", until);
        add(q, "action", action);
        add(q, "target", target);
        add(q, "outcome", outcome);
        add(q, "request_id", requestId);
        if (afterSeq != null) {
            q.append("&after_seq=").append(afterSeq);
        }
        return q.toString();
    }

    private static void add(StringBuilder q, String name, String value) {
        if (value != null) {
            q.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        }
    }
}
