/**
 * Organizations, accounts and OPAQUE registration and login (DESIGN.md, "Accounts and sessions",
 * "Organizations, users, devices, realms"). Routes: {@link io.keyward.server.account.AccountRoutes};
 * services: {@link io.keyward.server.account.OrgService}, {@link io.keyward.server.account.RegistrationService},
 * {@link io.keyward.server.account.LoginService}, {@link io.keyward.server.account.AccountService};
 * tables {@code orgs}, {@code org_tokens}, {@code users}, {@code devices}. Sessions and the sealed
 * channel are the {@code session} package's; this package uses them, never the other way round.
 */
package io.keyward.server.account;
