package io.keyward.cli;

import io.keyward.cli.admin.AdminCommand;
import io.keyward.cli.offline.OfflineCommand;
import io.keyward.cli.server.ServerCommand;
import io.keyward.cli.user.AuditCommand;
import io.keyward.cli.user.KeyCommand;
import io.keyward.cli.user.KeystoreCommand;
import io.keyward.cli.user.LoginCommand;
import io.keyward.cli.user.LogoutCommand;
import io.keyward.cli.user.OrgCommand;
import io.keyward.cli.user.PasswdCommand;
import io.keyward.cli.user.RecoverCommand;
import io.keyward.cli.user.RegisterCommand;
import io.keyward.cli.user.WhoamiCommand;
import io.keyward.client.KeywardApiException;
import io.keyward.crypto.CryptoException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code keyward} command: a group of groups. */
@Command(
        name = "keyward",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Keyward key-management and secret-storage server, its administration and offline tools.",
        footer = {"", ExitCodes.HELP},
        subcommands = {ServerCommand.class, RegisterCommand.class, LoginCommand.class, WhoamiCommand.class,
            PasswdCommand.class, RecoverCommand.class, LogoutCommand.class, OrgCommand.class,
            io.keyward.cli.secret.SecretCommand.class, io.keyward.cli.secret.SecretKeyCommand.class,
            KeystoreCommand.class, KeyCommand.class,
            AuditCommand.class, AdminCommand.class, OfflineCommand.class,
            CommandLine.HelpCommand.class})
public final class KeywardCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new KeywardCommand());
        cli.setExecutionExceptionHandler(KeywardCommand::handleFailure);
        cli.setParameterExceptionHandler(KeywardCommand::handleUsage);
        // Every subcommand shows the exit codes too.
        for (CommandLine sub : cli.getSubcommands().values()) {
            addFooter(sub);
        }
        return cli;
    }

    private static void addFooter(CommandLine cmd) {
        if (cmd.getCommandSpec().usageMessage().footer().length == 0) {
            cmd.getCommandSpec().usageMessage().footer("", ExitCodes.HELP);
        }
        for (CommandLine sub : cmd.getSubcommands().values()) {
            addFooter(sub);
        }
    }

    /** One line on stderr, never a stack trace: a key server's CLI must not spill internals. */
    private static int handleFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        int code = ExitCodes.FAILED;
        String message;
        if (e instanceof CliException ce) {
            code = ce.exitCode();
            message = ce.getMessage();
        } else if (e instanceof KeywardApiException api) {
            // A server refusal or a failed exchange: "<code>: <detail>", the code a script can switch on.
            message = api.code() + ": " + api.detail();
        } else if (e instanceof CryptoException || e instanceof IllegalArgumentException) {
            message = e.getMessage();
        } else if (e instanceof java.io.IOException) {
            message = "I/O error: " + e.getMessage();
        } else {
            message = "unexpected error (" + e.getClass().getSimpleName() + ")"
                    + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        cmd.getErr().println("keyward: " + oneLine(message));
        return code;
    }

    private static int handleUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println("keyward: " + oneLine(e.getMessage()));
        cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        return ExitCodes.USAGE;
    }

    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "failed";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
