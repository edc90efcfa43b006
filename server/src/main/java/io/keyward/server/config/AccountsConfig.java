package io.keyward.server.config;

/**
 * Organizations and accounts.
 *
 * @param defaultOrgKsf the key-stretching function of the {@code default} org a first start creates (as
 *     {@code KeyStretching.describe()} writes it)
 * @param allowIdentityKsf whether an org may use the {@code identity} key-stretching function, which
 *     does no stretching at all (for benchmarks and tests only; off by default)
 */
public record AccountsConfig(String defaultOrgKsf, boolean allowIdentityKsf) {
    public static final String DEFAULT_KSF = "argon2id(m=65536,t=3,p=4)";
    public static final AccountsConfig DEFAULT = new AccountsConfig(DEFAULT_KSF, false);

    public AccountsConfig(String defaultOrgKsf) {
        this(defaultOrgKsf, false);
    }
}
