package io.keyward.cli.offline;

import picocli.CommandLine.Command;

/** {@code keyward offline sequester ...}: the sequester authority's offline work. */
@Command(name = "sequester", mixinStandardHelpOptions = true,
        description = "Sequester authority tools that run offline, where the authority's private key lives.",
        subcommands = {GenerateServiceCertificateCommand.class})
public final class SequesterCommand {}
