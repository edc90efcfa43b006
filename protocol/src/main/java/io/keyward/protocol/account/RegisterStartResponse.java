package io.keyward.protocol.account;

/** @param registrationResponse RFC 9807 RegistrationResponse, base64url */
public record RegisterStartResponse(String registrationResponse) {}
