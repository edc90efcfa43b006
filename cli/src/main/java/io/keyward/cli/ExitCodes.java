package io.keyward.cli;

/** The exit codes every {@code keyward} command uses; listed in {@code --help}. */
public final class ExitCodes {
    private ExitCodes() {}

    public static final int OK = 0;
    /** The operation failed: bad input data, wrong key, refused by the server. */
    public static final int FAILED = 1;
    /** The command line itself was wrong: unknown option, missing argument. */
    public static final int USAGE = 2;
    /** The server node could not start: bad configuration, root key mismatch, data directory problem. */
    public static final int CONFIG = 3;

    static final String HELP = """
            Exit codes:
              0  success
              1  the operation failed (bad input, wrong key, refused): one line on stderr says why
              2  the command line is wrong (unknown option, missing argument)
              3  the server could not start (bad configuration, root key mismatch)""";
}
