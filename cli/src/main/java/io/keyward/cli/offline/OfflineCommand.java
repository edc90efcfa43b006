package io.keyward.cli.offline;

import picocli.CommandLine.Command;

/** {@code keyward offline ...}: commands that need no server. */
@Command(name = "offline", mixinStandardHelpOptions = true,
        description = "Commands that need no server: secret storage, recovery keys, Shamir shares, sequester.",
        subcommands = {SequesterCommand.class})
public final class OfflineCommand {}
