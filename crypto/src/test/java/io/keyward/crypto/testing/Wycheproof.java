package io.keyward.crypto.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.crypto.CryptoException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a Wycheproof vector file (C2SP testvectors_v1 layout: {@code testGroups[].tests[]}) and
 * runs every test through a check supplied by the family's test class.
 *
 * <p>The rules are Wycheproof's own: a {@code valid} test must be accepted with the expected
 * output, an {@code invalid} test must be rejected, an {@code acceptable} test may go either way
 * (both are counted). "Rejected" means the wrapper threw a {@link CryptoException}; any other
 * exception is a failure, since a library exception leaking out of a wrapper is a bug. A check
 * that cannot express a test returns {@link Outcome#skipped(String)} and the skip is counted with
 * its reason. One line per file reports the counts.
 */
public final class Wycheproof {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private final String name;
    private final JsonNode root;
    private final boolean printSummary;

    private Wycheproof(String name, JsonNode root, boolean printSummary) {
        this.name = name;
        this.root = root;
        this.printSummary = printSummary;
    }

    /** The same file, run without printing its count line (for tests of the runner itself). */
    Wycheproof withoutSummary() {
        return new Wycheproof(name, root, false);
    }

    /** Loads {@code wycheproof/<name>}; skips the calling test visibly when the file is absent. */
    public static Wycheproof load(String name) {
        try {
            return new Wycheproof(name, JSON.readTree(Vectors.file("wycheproof/" + name).toFile()), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read wycheproof/" + name, e);
        }
    }

    public String name() {
        return name;
    }

    public JsonNode root() {
        return root;
    }

    /** Every test of every group, in file order. */
    public List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (JsonNode group : root.path("testGroups")) {
            for (JsonNode test : group.path("tests")) {
                cases.add(new Case(group, test));
            }
        }
        return cases;
    }

    /** The first {@code valid} case, for the tamper tests. */
    public Case firstValid() {
        return cases().stream().filter(c -> c.result() == Expected.VALID).findFirst().orElseThrow();
    }

    /**
     * Runs every case through {@code check}, prints the counts and fails with the list of
     * offending tcIds if any case broke the rules. Returns the tally for further assertions.
     */
    public Tally run(Check check) {
        Tally tally = new Tally(name);
        for (Case c : cases()) {
            Outcome outcome;
            try {
                outcome = check.run(c);
            } catch (CryptoException e) {
                outcome = Outcome.rejected(e);
            } catch (RuntimeException | Error e) {
                outcome = Outcome.failed("leaked " + e.getClass().getName() + ": " + e.getMessage());
            }
            tally.record(c, outcome);
        }
        if (printSummary) {
            System.out.println(tally.summary());
        }
        assertThat(tally.failures).as(name + " tests that broke the Wycheproof rules").isEmpty();
        assertThat(tally.passed + tally.rejected).as(name + " tests actually run").isPositive();
        return tally;
    }

    /** The check for one test: perform the operation and compare with the expected output. */
    @FunctionalInterface
    public interface Check {
        Outcome run(Case c);
    }

    /** Wycheproof's {@code result} field. */
    public enum Expected {
        VALID, INVALID, ACCEPTABLE;

        static Expected of(String text) {
            return switch (text) {
                case "valid" -> VALID;
                case "invalid" -> INVALID;
                case "acceptable" -> ACCEPTABLE;
                default -> throw new IllegalArgumentException("unknown Wycheproof result " + text);
            };
        }
    }

    /** What the wrapper did with one test. */
    public sealed interface Outcome {
        /** This outcome if it is not an acceptance; otherwise the outcome of the next check. */
        default Outcome then(java.util.function.Supplier<Outcome> next) {
            return this instanceof Accepted ? next.get() : this;
        }

        /** The operation succeeded and every output matched the file. */
        static Outcome accepted() {
            return Accepted.INSTANCE;
        }

        /** Accepted when the outputs are equal; a failure naming the field otherwise. */
        static Outcome expectEqual(String field, byte[] actual, byte[] expected) {
            return Arrays.equals(actual, expected) ? accepted()
                    : failed(field + " mismatch: got " + HEX.formatHex(actual) + ", want " + HEX.formatHex(expected));
        }

        static Outcome rejected(CryptoException e) {
            return new Rejected(e.getClass().getSimpleName() + ": " + e.getMessage());
        }

        static Outcome skipped(String reason) {
            return new Skipped(reason);
        }

        static Outcome failed(String why) {
            return new Failed(why);
        }
    }

    record Accepted() implements Outcome {
        static final Accepted INSTANCE = new Accepted();
    }

    record Rejected(String why) implements Outcome {}

    record Skipped(String reason) implements Outcome {}

    record Failed(String why) implements Outcome {}

    /** One test with its group. */
    public record Case(JsonNode group, JsonNode test) {
        public int tcId() {
            return test.path("tcId").asInt();
        }

        public String comment() {
            return test.path("comment").asText("");
        }

        public Expected result() {
            return Expected.of(test.path("result").asText());
        }

        public Set<String> flags() {
            Set<String> flags = new LinkedHashSet<>();
            test.path("flags").forEach(f -> flags.add(f.asText()));
            return flags;
        }

        /** A hex field of the test. */
        public byte[] bytes(String field) {
            return hex(test, field);
        }

        /** A hex field of the group. */
        public byte[] groupBytes(String field) {
            return hex(group, field);
        }

        public boolean has(String field) {
            return test.has(field);
        }

        public int integer(String field) {
            return test.path(field).asInt();
        }

        public int groupInteger(String field) {
            return group.path(field).asInt();
        }

        @Override
        public String toString() {
            return "tcId " + tcId() + " (" + comment() + ")";
        }

        private static byte[] hex(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual()) {
                throw new IllegalArgumentException("no hex field " + field);
            }
            return HEX.parseHex(value.asText());
        }
    }

    /** Counts for one file. */
    public static final class Tally {
        private final String name;
        private int passed;
        private int rejected;
        private int acceptablePassed;
        private int acceptableRejected;
        private final Map<String, Integer> skipped = new TreeMap<>();
        private final List<String> failures = new ArrayList<>();

        Tally(String name) {
            this.name = name;
        }

        void record(Case c, Outcome outcome) {
            Expected expected = c.result();
            switch (outcome) {
                case Accepted a -> {
                    passed++;
                    if (expected == Expected.ACCEPTABLE) {
                        acceptablePassed++;
                    } else if (expected == Expected.INVALID) {
                        failures.add(c + " " + c.flags() + ": invalid test was accepted");
                    }
                }
                case Rejected r -> {
                    rejected++;
                    if (expected == Expected.ACCEPTABLE) {
                        acceptableRejected++;
                    } else if (expected == Expected.VALID) {
                        failures.add(c + " " + c.flags() + ": valid test was rejected: " + r.why());
                    }
                }
                case Skipped s -> skipped.merge(s.reason(), 1, Integer::sum);
                case Failed f -> failures.add(c + " " + c.flags() + ": " + f.why());
            }
        }

        public int passed() {
            return passed;
        }

        public int rejected() {
            return rejected;
        }

        public int skipped() {
            return skipped.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int acceptablePassed() {
            return acceptablePassed;
        }

        public int acceptableRejected() {
            return acceptableRejected;
        }

        public String summary() {
            StringBuilder line = new StringBuilder("wycheproof ").append(name).append(": ")
                    .append(passed).append(" passed, ").append(rejected).append(" rejected, ")
                    .append(skipped()).append(" skipped");
            if (acceptablePassed + acceptableRejected > 0) {
                line.append(" (acceptable: ").append(acceptablePassed).append(" passed, ")
                        .append(acceptableRejected).append(" rejected)");
            }
            skipped.forEach((reason, count) -> line.append("; skipped ").append(count).append(": ").append(reason));
            if (!failures.isEmpty()) {
                line.append("; ").append(failures.size()).append(" FAILED");
            }
            return line.toString();
        }
    }
}
