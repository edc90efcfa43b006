package io.keyward.protocol.account;

/** {@code POST /v1/admin/orgs} (admin token). Null suite and registration take the defaults. */
public record CreateOrgRequest(String org, String suite, String registration) {}
