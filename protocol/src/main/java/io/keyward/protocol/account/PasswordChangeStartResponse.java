package io.keyward.protocol.account;

/** {@code POST /v1/account/password/start} (sealed): the RFC 9807 RegistrationResponse, base64url. */
public record PasswordChangeStartResponse(String registrationResponse) {}
