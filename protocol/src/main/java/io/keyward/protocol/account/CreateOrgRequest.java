package io.keyward.protocol.account;

/**
 * {@code POST /v1/admin/orgs} (admin token). Null fields take the defaults: suite
 * {@code ristretto255-sha512}, registration {@code invitation}, ksf {@code argon2id(m=65536,t=3,p=4)}
 * (RFC 9106's second recommendation: the first needs 2 GiB per login on every client).
 */
public record CreateOrgRequest(String org, String suite, String registration, String ksf) {}
