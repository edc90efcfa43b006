package io.keyward.protocol.account;

/** {@code POST /v1/orgs/{org}/login/finish}; {@code ke3} is RFC 9807 KE3, base64url. */
public record LoginFinishRequest(String loginId, String ke3) {}
