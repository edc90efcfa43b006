package io.keyward.cli.relay;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** HTTP/1.1 requests (or responses) read back from a relay's decrypted log. */
public final class HttpCapture {
    private HttpCapture() {}

    /**
     * One message as it crossed the relay.
     *
     * @param startLine {@code POST /v1/account HTTP/1.1} or {@code HTTP/1.1 200 OK}
     * @param headers lower-case names
     * @param raw the exact bytes, head and body, to replay
     */
    public record Message(String startLine, Map<String, String> headers, byte[] body, byte[] raw) {
        public String method() {
            return startLine.split(" ")[0];
        }

        public String target() {
            return startLine.split(" ")[1];
        }

        public int status() {
            return Integer.parseInt(startLine.split(" ")[1]);
        }
    }

    /** Splits a stream of HTTP/1.1 messages (Content-Length or chunked bodies). */
    public static List<Message> parse(byte[] stream) {
        List<Message> messages = new ArrayList<>();
        int at = 0;
        while (at < stream.length) {
            int headEnd = indexOf(stream, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), at);
            if (headEnd < 0) {
                break;
            }
            String head = new String(stream, at, headEnd - at, StandardCharsets.ISO_8859_1);
            String[] lines = head.split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            int bodyStart = headEnd + 4;
            byte[] body;
            int end;
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int p = bodyStart;
                while (true) {
                    int lineEnd = indexOf(stream, new byte[] {'\r', '\n'}, p);
                    int size = Integer.parseInt(new String(stream, p, lineEnd - p, StandardCharsets.US_ASCII).split(";")[0].strip(), 16);
                    p = lineEnd + 2;
                    if (size == 0) {
                        p = indexOf(stream, "\r\n".getBytes(StandardCharsets.US_ASCII), p) + 2;
                        break;
                    }
                    out.write(stream, p, size);
                    p += size + 2;
                }
                body = out.toByteArray();
                end = p;
            } else {
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                if (bodyStart + length > stream.length) {
                    throw new IllegalArgumentException("incomplete message");
                }
                body = java.util.Arrays.copyOfRange(stream, bodyStart, bodyStart + length);
                end = bodyStart + length;
            }
            messages.add(new Message(lines[0], headers, body, java.util.Arrays.copyOfRange(stream, at, end)));
            at = end;
        }
        return messages;
    }

    /** True when {@code needle} occurs anywhere in {@code haystack}. */
    public static boolean contains(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle, 0) >= 0;
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
