package io.keyward.server.config;

/**
 * Organizations and accounts.
 *
 * @param defaultOrgKsf the key-stretching function of the {@code default} org a first start creates (as
 *     {@code KeyStretching.describe()} writes it)
 */
public record AccountsConfig(String defaultOrgKsf) {
    public static final String DEFAULT_KSF = "argon2id(m=65536,t=3,p=4)";
    public static final AccountsConfig DEFAULT = new AccountsConfig(DEFAULT_KSF);
}
