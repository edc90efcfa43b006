package io.keyward.cli.admin;

import picocli.CommandLine.Command;

/** {@code keyward admin ...}: organizations, sequester services, export, root rotation (admin token). */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Administer a running server (needs the admin token from KEYWARD_ADMIN_TOKEN or --admin-token-file).",
        subcommands = {AdminOrgCommand.class, AdminAuditCommand.class})
public final class AdminCommand {}
