package io.keyward.protocol.account;

/** {@code POST /v1/account/password/start} (sealed): a fresh RFC 9807 RegistrationRequest, base64url. */
public record PasswordChangeStartRequest(String registrationRequest) {}
