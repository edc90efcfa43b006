package io.keyward.crypto.sequester;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The canonical JSON of the sequester certificates: one flat object whose values are all strings,
 * keys sorted by code unit, no whitespace, UTF-8, and only {@code "} and {@code \} (and control
 * characters, as six-character backslash-u escapes) escaped. Exactly one byte string encodes a given object, so the
 * signature covers one meaning; {@link #parse} accepts only that byte string.
 */
final class CanonicalJson {
    private CanonicalJson() {}

    static byte[] write(Map<String, String> fields) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, String> field : new TreeMap<>(fields).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, field.getKey());
            out.append(':');
            string(out, field.getValue());
        }
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Parses canonical JSON, refusing anything (whitespace, order, escapes, duplicates) that is not. */
    static SortedMap<String, String> parse(byte[] json) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(json)).toString();
        } catch (CharacterCodingException e) {
            throw new SequesterCertificateException("certificate content is not valid UTF-8");
        }
        Reader reader = new Reader(text);
        SortedMap<String, String> fields = new TreeMap<>();
        reader.expect('{');
        if (!reader.peek('}')) {
            do {
                String key = reader.string();
                reader.expect(':');
                String value = reader.string();
                if (fields.put(key, value) != null) {
                    throw new SequesterCertificateException("certificate has a duplicate field \"" + key + "\"");
                }
            } while (reader.accept(','));
        }
        reader.expect('}');
        if (!reader.atEnd()) {
            throw new SequesterCertificateException("certificate content has trailing bytes");
        }
        if (!Arrays.equals(write(fields), json)) {
            throw new SequesterCertificateException("certificate content is not canonical JSON");
        }
        return fields;
    }

    private static void string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return at == text.length();
        }

        boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        boolean accept(char c) {
            if (peek(c)) {
                at++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (!accept(c)) {
                throw new SequesterCertificateException("certificate content is not canonical JSON (expected '"
                        + c + "' at offset " + at + ")");
            }
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw new SequesterCertificateException("certificate content has an unterminated string");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    if (atEnd()) {
                        throw new SequesterCertificateException("certificate content has an unterminated string");
                    }
                    char escaped = text.charAt(at++);
                    switch (escaped) {
                        case '"', '\\' -> out.append(escaped);
                        case 'u' -> {
                            if (at + 4 > text.length()) {
                                throw new SequesterCertificateException("certificate content has a bad \\u escape");
                            }
                            try {
                                out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            } catch (NumberFormatException e) {
                                throw new SequesterCertificateException("certificate content has a bad \\u escape");
                            }
                            at += 4;
                        }
                        default -> throw new SequesterCertificateException("certificate content is not canonical JSON");
                    }
                } else if (c < 0x20) {
                    throw new SequesterCertificateException("certificate content has a raw control character");
                } else {
                    out.append(c);
                }
            }
        }
    }
}
