package io.keyward.protocol.account;

/** {@code POST /v1/orgs/{org}/login/start}; {@code ke1} is RFC 9807 KE1, base64url. */
public record LoginStartRequest(String userId, String ke1) {}
