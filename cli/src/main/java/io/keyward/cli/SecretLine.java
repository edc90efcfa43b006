package io.keyward.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one line of an input stream (a password or passphrase) as UTF-8 {@code char[]}, never as a
 * String, through a buffer of its own, so every copy of the secret can be overwritten. The line ends
 * at {@code \n} (a preceding {@code \r} is dropped) or at the end of the input.
 */
public final class SecretLine {
    private SecretLine() {}

    /** Why no line could be read; callers turn it into their own one-line message. */
    public static final class Unreadable extends Exception {
        /** What went wrong. */
        public enum Reason { END_OF_INPUT, TOO_LONG, NOT_UTF8, IO_ERROR }

        private final Reason reason;

        Unreadable(Reason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** The next line of {@code in}; the caller zeroes the array after use. */
    public static char[] read(InputStream in, int maxBytes) throws Unreadable {
        byte[] bytes = new byte[Math.min(256, maxBytes)];
        int length = 0;
        try {
            int b = in.read();
            if (b == -1) {
                throw new Unreadable(Unreadable.Reason.END_OF_INPUT, "no line");
            }
            for (; b != -1 && b != '\n'; b = in.read()) {
                if (length == maxBytes) {
                    throw new Unreadable(Unreadable.Reason.TOO_LONG, "longer than " + maxBytes + " bytes");
                }
                if (length == bytes.length) {
                    byte[] bigger = Arrays.copyOf(bytes, Math.min(bytes.length * 2, maxBytes));
                    Arrays.fill(bytes, (byte) 0);
                    bytes = bigger;
                }
                bytes[length++] = (byte) b;
            }
            if (length > 0 && bytes[length - 1] == '\r') {
                length--;
            }
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length));
            char[] line = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
            Arrays.fill(chars.array(), '\0');
            return line;
        } catch (CharacterCodingException e) {
            throw new Unreadable(Unreadable.Reason.NOT_UTF8, "not valid UTF-8");
        } catch (IOException e) {
            throw new Unreadable(Unreadable.Reason.IO_ERROR, String.valueOf(e.getMessage()));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
