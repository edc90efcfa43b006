package io.keyward.cli.user;

import io.keyward.cli.CliException;
import io.keyward.cli.SecretLine;
import io.keyward.cli.profile.Environment;
import java.io.Console;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Where a user command gets a password, in this order: the next line of standard input with
 * {@code --password-stdin} (so {@code passwd} reads the current password, then the new one), the
 * environment variable ({@code KEYWARD_PASSWORD}, {@code KEYWARD_NEW_PASSWORD}), or a prompt on
 * the terminal without echo, asked twice where a new password is chosen. Passwords are
 * {@code char[]}, never {@code String}, so the caller can clear them ({@link #clear}).
 */
public final class Passwords {
    /** Longer than any passphrase a person types; a runaway stdin is an error, not a password. */
    static final int MAX_LENGTH = 4096;

    private final boolean fromStdin;
    private final InputStream stdin;

    public Passwords(boolean fromStdin) {
        this(fromStdin, System.in);
    }

    Passwords(boolean fromStdin, InputStream stdin) {
        this.fromStdin = fromStdin;
        this.stdin = stdin;
    }

    /**
     * A password.
     *
     * @param what what it is, for the prompt and errors ({@code "password for alice"})
     * @param envVar the environment variable that may hold it
     * @param isNew true when the user chooses it now: the prompt asks twice, and it must not be empty
     */
    public char[] read(String what, String envVar, boolean isNew) {
        char[] password;
        if (fromStdin) {
            password = nextLine(what);
        } else if (Environment.get(envVar) != null) {
            password = Environment.get(envVar).toCharArray();
        } else {
            password = prompt(what, envVar, isNew);
        }
        if (password.length == 0) {
            clear(password);
            throw new CliException("invalid_input: the " + what + " is empty");
        }
        return password;
    }

    /**
     * Fails now, before anything is sent, when {@link #read} could not get a password: no
     * {@code --password-stdin}, no {@code envVar}, and no terminal to prompt on.
     */
    public void requireSource(String what, String envVar) {
        if (!fromStdin && Environment.get(envVar) == null && !hasTerminal()) {
            throw noTerminal(what, envVar);
        }
    }

    private static boolean hasTerminal() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }

    private static CliException noTerminal(String what, String envVar) {
        return new CliException("password_required: a " + what + " is needed and there is no terminal to ask it on:"
                + " use --password-stdin or set " + envVar);
    }

    private char[] prompt(String what, String envVar, boolean confirm) {
        if (!hasTerminal()) {
            throw noTerminal(what, envVar);
        }
        Console console = System.console();
        char[] first = console.readPassword("%s: ", capitalize(what));
        if (first == null) {
            throw new CliException("password_required: no " + what + " entered");
        }
        if (!confirm) {
            return first;
        }
        char[] again = console.readPassword("%s (again): ", capitalize(what));
        try {
            if (again == null || !Arrays.equals(first, again)) {
                clear(first);
                throw new CliException("password_mismatch: the two " + what + " entries differ");
            }
            return first;
        } finally {
            clear(again);
        }
    }

    /** The next line of standard input, without its line ending, as UTF-8; the caller clears it. */
    private char[] nextLine(String what) {
        try {
            return SecretLine.read(stdin, MAX_LENGTH);
        } catch (SecretLine.Unreadable e) {
            throw new CliException(switch (e.reason()) {
                case END_OF_INPUT -> "password_required: --password-stdin: no line for the " + what + " on standard input";
                case TOO_LONG -> "invalid_input: --password-stdin: the " + what + " is longer than " + MAX_LENGTH + " bytes";
                case NOT_UTF8 -> "invalid_input: --password-stdin: the " + what + " is not valid UTF-8";
                case IO_ERROR -> "invalid_input: --password-stdin: cannot read standard input: " + e.getMessage();
            });
        }
    }

    /** Overwrites passwords; null entries are skipped. */
    public static void clear(char[]... passwords) {
        for (char[] password : passwords) {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
