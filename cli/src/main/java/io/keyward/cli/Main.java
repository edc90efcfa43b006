package io.keyward.cli;

import picocli.CommandLine;

/** Entry point of the runnable jar: {@code java -jar keyward.jar ...} (or the {@code ./keyward} launcher). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; tests call this directly. */
    public static int run(String... args) {
        return KeywardCommand.commandLine().execute(args);
    }
}
