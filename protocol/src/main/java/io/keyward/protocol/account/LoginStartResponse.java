package io.keyward.protocol.account;

/** {@code login_id} names the pending login for {@code login/finish}; {@code ke2} is RFC 9807 KE2, base64url. */
public record LoginStartResponse(String loginId, String ke2) {}
