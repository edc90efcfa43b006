package io.keyward.cli.offline;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code keyward offline ...}: commands that need no server. */
@Command(name = "offline", mixinStandardHelpOptions = true,
        description = "Commands that need no server: secret storage, recovery keys, Shamir shares, sequester, audit verification.",
        subcommands = {SsssCommand.class, RecoveryKeyCommand.class, ShamirCommand.class, SequesterCommand.class,
            OfflineSecretCommand.class, AuditVerifyCommand.class})
public final class OfflineCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (see keyward offline --help)");
    }
}
