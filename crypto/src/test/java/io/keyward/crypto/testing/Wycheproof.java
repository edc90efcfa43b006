package io.keyward.crypto.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a Wycheproof test-vector file (C2SP/wycheproof {@code testvectors_v1}) into test groups and
 * test cases, generically: each group and case keeps its JSON node, so a test reads the fields its
 * file's schema defines ({@code schema} in the header). Files are found through {@link Vectors},
 * under {@code wycheproof/}; an absent file skips the test visibly.
 */
public final class Wycheproof {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private Wycheproof() {}

    /** The expected outcome of a test case. */
    public enum Result {
        /** Must be accepted. */
        VALID,
        /** Must be rejected. */
        INVALID,
        /** Either outcome is fine (legacy or edge behaviour); the flags say why. */
        ACCEPTABLE;

        static Result of(String text) {
            return switch (text) {
                case "valid" -> VALID;
                case "invalid" -> INVALID;
                case "acceptable" -> ACCEPTABLE;
                default -> throw new IllegalArgumentException("unknown Wycheproof result: " + text);
            };
        }
    }

    /** A whole file: its header and its groups. */
    public record Suite(String fileName, String algorithm, String schema, int numberOfTests,
                        List<Group> groups, JsonNode root) {
        /** Every test case of every group, in file order. */
        public List<TestCase> allTests() {
            List<TestCase> all = new ArrayList<>();
            groups.forEach(g -> all.addAll(g.tests()));
            return all;
        }
    }

    /** A test group: the parameters (key, sizes, hashes) its test cases share. */
    public record Group(String type, JsonNode node, List<TestCase> tests) {
        public String string(String field) {
            return text(node, field);
        }

        public byte[] hex(String field) {
            return Wycheproof.hex(text(node, field));
        }

        public int integer(String field) {
            return required(node, field).asInt();
        }

        public JsonNode get(String field) {
            return required(node, field);
        }
    }

    /** One test case: id, comment, expected result, flags and its own fields. */
    public record TestCase(int tcId, String comment, Result result, Set<String> flags, JsonNode node) {
        public String string(String field) {
            return text(node, field);
        }

        public byte[] hex(String field) {
            return Wycheproof.hex(text(node, field));
        }

        public boolean has(String field) {
            return node.has(field);
        }

        /** "tcId 12 (comment) [flags]" for assertion messages. */
        public String describe() {
            return "tcId " + tcId + (comment.isEmpty() ? "" : " (" + comment + ")") + " " + flags;
        }
    }

    /** Loads {@code wycheproof/<fileName>}; skips the calling test if the vectors are absent. */
    public static Suite load(String fileName) {
        Path file = Vectors.file("wycheproof/" + fileName);
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Group> groups = new ArrayList<>();
        for (JsonNode g : required(root, "testGroups")) {
            List<TestCase> tests = new ArrayList<>();
            for (JsonNode t : required(g, "tests")) {
                Set<String> flags = new LinkedHashSet<>();
                t.path("flags").forEach(f -> flags.add(f.asText()));
                tests.add(new TestCase(required(t, "tcId").asInt(), t.path("comment").asText(""),
                        Result.of(text(t, "result")), Set.copyOf(flags), t));
            }
            groups.add(new Group(g.path("type").asText(""), g, List.copyOf(tests)));
        }
        Suite suite = new Suite(fileName, root.path("algorithm").asText(""), root.path("schema").asText(""),
                root.path("numberOfTests").asInt(-1), List.copyOf(groups), root);
        int counted = suite.allTests().size();
        if (suite.numberOfTests() >= 0 && suite.numberOfTests() != counted) {
            throw new IllegalStateException(fileName + " declares " + suite.numberOfTests()
                    + " tests but holds " + counted);
        }
        return suite;
    }

    public static byte[] hex(String text) {
        return HEX.parseHex(text);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("Wycheproof field '" + field + "' is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        return required(node, field).asText();
    }
}
