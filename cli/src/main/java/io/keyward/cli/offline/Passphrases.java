package io.keyward.cli.offline;

import io.keyward.cli.CliException;
import io.keyward.cli.SecretLine;
import java.io.Console;
import java.io.InputStream;

/** Reads a passphrase as {@code char[]} from standard input or the terminal, never as a String. */
final class Passphrases {
    private static final int MAX_BYTES = 4096;

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

    /** The first line of {@code in}, without its line ending, decoded as UTF-8; the caller zeroes it. */
    static char[] firstLine(InputStream in) {
        try {
            return SecretLine.read(in, MAX_BYTES);
        } catch (SecretLine.Unreadable e) {
            throw new CliException(switch (e.reason()) {
                case END_OF_INPUT -> "no passphrase on standard input";
                case TOO_LONG -> "the passphrase on standard input is longer than " + MAX_BYTES + " bytes";
                case NOT_UTF8 -> "the passphrase on standard input is not valid UTF-8";
                case IO_ERROR -> "cannot read the passphrase from standard input: " + e.getMessage();
            });
        }
    }
}
