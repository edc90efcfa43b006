package io.keyward.cli.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.cli.CliException;
import io.keyward.crypto.util.Bytes;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * Standard input and output for the offline commands. Data goes through the process's own
 * streams as bytes (a decrypted secret need not be text); errors never include what was read.
 */
final class OfflineIo {
    /** Offline inputs are keys, shares and secrets: anything bigger is a mistake, not a secret. */
    static final int MAX_INPUT = 16 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private OfflineIo() {}

    /** All of standard input, up to {@link #MAX_INPUT} bytes. */
    static byte[] readStdin() {
        try {
            byte[] input = System.in.readNBytes(MAX_INPUT + 1);
            if (input.length > MAX_INPUT) {
                Bytes.zeroize(input);
                throw new CliException("input on stdin is larger than " + (MAX_INPUT >> 20) + " MiB");
            }
            return input;
        } catch (IOException e) {
            throw new CliException("could not read stdin: " + e.getMessage());
        }
    }

    static void writeBytes(byte[] data) {
        PrintStream out = System.out;
        out.write(data, 0, data.length);
        out.flush();
    }

    static void println(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** One JSON object on one line; insertion order of {@code fields} is kept. */
    static void printJson(Map<String, ?> fields) {
        try {
            println(JSON.writeValueAsString(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }

    /** Parses a JSON object read from stdin; {@code what} names it in the error. */
    static JsonNode parseJsonObject(byte[] input, String what) {
        try {
            JsonNode node = JSON.readTree(input);
            if (node == null || !node.isObject()) {
                throw new CliException(what + " on stdin is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new CliException(what + " on stdin is not valid JSON");
        }
    }

    /** The text field {@code name} of {@code object}, or a one-line error naming it. */
    static String textField(JsonNode object, String name, String what) {
        JsonNode field = object.get(name);
        if (field == null || !field.isTextual()) {
            throw new CliException(what + " has no \"" + name + "\" string field");
        }
        return field.asText();
    }

    /**
     * Hex digits, whitespace ignored; {@code what} names the value in the error, which never
     * includes the text itself.
     */
    static byte[] parseHex(String text, String what) {
        String digits = text.replaceAll("\\s+", "");
        if (digits.regionMatches(true, 0, "hex:", 0, 4)) {
            digits = digits.substring(4);
        }
        if (digits.isEmpty()) {
            throw new CliException(what + " is empty");
        }
        if (digits.length() % 2 != 0) {
            throw new CliException(what + " is not hex (odd number of digits)");
        }
        try {
            return HEX.parseHex(digits);
        } catch (IllegalArgumentException e) {
            throw new CliException(what + " is not hex");
        }
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Standard input split after its first line, for {@code --passphrase-stdin}. */
    record FirstLine(char[] line, byte[] rest) {
        static FirstLine split(byte[] input) {
            int newline = -1;
            for (int i = 0; i < input.length; i++) {
                if (input[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline < 0 ? input.length : newline;
            if (end > 0 && input[end - 1] == '\r') {
                end--;
            }
            byte[] lineBytes = Arrays.copyOf(input, end);
            java.nio.CharBuffer decoded = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(lineBytes));
            char[] line = new char[decoded.remaining()];
            decoded.get(line);
            if (decoded.hasArray()) {
                Arrays.fill(decoded.array(), '\0');
            }
            Bytes.zeroize(lineBytes);
            byte[] rest = newline < 0 ? new byte[0] : Arrays.copyOfRange(input, newline + 1, input.length);
            return new FirstLine(line, rest);
        }

        @Override
        public String toString() {
            return "FirstLine[hidden]";
        }
    }
}
