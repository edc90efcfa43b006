package io.keyward.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyward.protocol.WireJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The export file of one organization's audit log (docs/formats.md, "Audit export"): JSON lines, the
 * first a header naming the organization and the server's audit public key, then entries in seq
 * order with each checkpoint after the entry it covers. Every line is one JSON object whose
 * {@code type} is {@code header}, {@code entry} or {@code checkpoint}; the other fields are those of
 * {@link AuditEntry} and {@link Checkpoint} in snake_case.
 */
public final class AuditExport {
    public static final String FORMAT = "keyward-audit-export-v1";
    private static final ObjectMapper JSON = WireJson.mapper();

    /** The header line. {@code publicKey} is unpadded base64url of the raw Ed25519 key. */
    public record Header(String format, String org, String publicKey, String publicKeyPem, String exportedAt) {}

    /** What a file holds, in file order. */
    public record Contents(Header header, List<AuditEntry> entries, List<Checkpoint> checkpoints) {}

    /** A line that is not what the format allows; the message names the line. */
    public static final class FormatException extends IllegalArgumentException {
        public FormatException(String message) {
            super(message);
        }
    }

    private AuditExport() {}

    /** Writes one line; entries and checkpoints in any order the caller chooses (normally seq order). */
    public static void writeHeader(Writer out, Header header) throws IOException {
        line(out, "header", header);
    }

    public static void writeEntry(Writer out, AuditEntry entry) throws IOException {
        line(out, "entry", entry);
    }

    public static void writeCheckpoint(Writer out, Checkpoint checkpoint) throws IOException {
        line(out, "checkpoint", checkpoint);
    }

    /**
     * Writes a whole export: header, then entries in seq order with each checkpoint after the entry
     * whose seq it names (checkpoints of an empty chain first).
     */
    public static void write(Writer out, Header header, List<AuditEntry> entries, List<Checkpoint> checkpoints)
            throws IOException {
        writeHeader(out, header);
        int next = 0;
        List<Checkpoint> sorted = checkpoints.stream()
                .sorted(java.util.Comparator.comparingLong(Checkpoint::seq)).toList();
        while (next < sorted.size() && sorted.get(next).seq() == 0) {
            writeCheckpoint(out, sorted.get(next++));
        }
        for (AuditEntry entry : entries) {
            writeEntry(out, entry);
            while (next < sorted.size() && sorted.get(next).seq() <= entry.seq()) {
                writeCheckpoint(out, sorted.get(next++));
            }
        }
        while (next < sorted.size()) {
            writeCheckpoint(out, sorted.get(next++));
        }
    }

    private static void line(Writer out, String type, Object value) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", type);
        node.setAll((ObjectNode) JSON.valueToTree(value));
        out.write(JSON.writeValueAsString(node));
        out.write('\n');
    }

    /** Reads a whole file strictly: a header first, then only entry and checkpoint lines. */
    public static Contents read(BufferedReader in) {
        Header header = null;
        List<AuditEntry> entries = new ArrayList<>();
        List<Checkpoint> checkpoints = new ArrayList<>();
        int number = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode node = parse(line, number);
                String type = node.path("type").asText("");
                node.remove("type");
                if (header == null) {
                    if (!type.equals("header")) {
                        throw new FormatException("line 1 must be the export header, not \"" + type + "\"");
                    }
                    header = convert(node, Header.class, number);
                    if (!FORMAT.equals(header.format())) {
                        throw new FormatException("line " + number + ": unknown export format \"" + header.format()
                                + "\" (expected " + FORMAT + ")");
                    }
                    continue;
                }
                switch (type) {
                    case "entry" -> entries.add(convert(node, AuditEntry.class, number));
                    case "checkpoint" -> checkpoints.add(convert(node, Checkpoint.class, number));
                    default -> throw new FormatException("line " + number + ": unknown line type \"" + type + "\"");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (header == null) {
            throw new FormatException("the file is empty: an audit export starts with a header line");
        }
        return new Contents(header, List.copyOf(entries), List.copyOf(checkpoints));
    }

    private static ObjectNode parse(String line, int number) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new FormatException("line " + number + " is not a JSON object");
    }

    private static <T> T convert(ObjectNode node, Class<T> type, int number) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String why = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            throw new FormatException("line " + number + ": not a valid " + type.getSimpleName() + " ("
                    + (why == null ? "unreadable" : why.lines().findFirst().orElse("unreadable")) + ")");
        }
    }
}
