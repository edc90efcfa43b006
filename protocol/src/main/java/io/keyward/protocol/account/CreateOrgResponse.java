package io.keyward.protocol.account;

/**
 * The created org and its one-time bootstrap token (shown once; only its hash is stored).
 *
 * @param bootstrapUrl {@code keyward://bootstrap?server=...&org=...&token=...}, accepted by {@code keyward org bootstrap}
 */
public record CreateOrgResponse(String org, String suite, String registration, String ksf, String bootstrapToken,
                                String bootstrapUrl) {}
