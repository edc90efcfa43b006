package io.keyward.protocol.account;

/**
 * {@code POST /v1/orgs/{org}/register/start}.
 *
 * @param registrationRequest RFC 9807 RegistrationRequest, base64url
 * @param token an invitation or bootstrap token where the org's policy needs one, else null
 */
public record RegisterStartRequest(String userId, String registrationRequest, String token) {}
