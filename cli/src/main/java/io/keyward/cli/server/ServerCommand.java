package io.keyward.cli.server;

import io.keyward.cli.CliException;
import io.keyward.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code keyward server}: starts a node. */
@Command(name = "server", mixinStandardHelpOptions = true, description = "Start a Keyward server node.")
public final class ServerCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliException("the server is not built yet", ExitCodes.CONFIG);
    }
}
