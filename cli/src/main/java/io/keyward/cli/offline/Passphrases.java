package io.keyward.cli.offline;

import io.keyward.cli.CliException;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads a passphrase as {@code char[]} from standard input or the terminal, never as a String. */
final class Passphrases {
    private Passphrases() {}

    /**
     * The passphrase for {@code what}: the first line of standard input with {@code --passphrase-stdin},
     * otherwise a prompt on the terminal without echo. The caller zeroes the array after use.
     */
    static char[] read(boolean fromStdin, String what) {
        if (fromStdin) {
            return firstLine(System.in);
        }
        Console console = System.console();
        if (console == null || !console.isTerminal()) {
            throw new CliException(what + " is encrypted: a passphrase is needed (use --passphrase-stdin, "
                    + "or run in a terminal to be prompted)");
        }
        char[] passphrase = console.readPassword("Passphrase for %s: ", what);
        if (passphrase == null) {
            throw new CliException("no passphrase entered for " + what);
        }
        return passphrase;
    }

    /** The first line of {@code in}, without its line ending, decoded as UTF-8. */
    static char[] firstLine(InputStream in) {
        // A buffer of our own, so every copy of the passphrase bytes can be overwritten.
        byte[] bytes = new byte[256];
        int length = 0;
        try {
            int b = in.read();
            if (b == -1) {
                throw new CliException("no passphrase on standard input");
            }
            for (; b != -1 && b != '\n'; b = in.read()) {
                if (length == bytes.length) {
                    byte[] bigger = Arrays.copyOf(bytes, bytes.length * 2);
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
            char[] passphrase = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
            Arrays.fill(chars.array(), '\0');
            return passphrase;
        } catch (CharacterCodingException e) {
            throw new CliException("the passphrase on standard input is not valid UTF-8");
        } catch (IOException e) {
            throw new CliException("cannot read the passphrase from standard input: " + e.getMessage());
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
