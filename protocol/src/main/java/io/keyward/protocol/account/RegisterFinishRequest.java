package io.keyward.protocol.account;

/**
 * {@code POST /v1/orgs/{org}/register/finish}.
 *
 * @param registrationRecord RFC 9807 RegistrationRecord, base64url
 * @param token the same invitation or bootstrap token as at start, else null
 * @param sequesterAuthorityKey with a bootstrap token only: the org's sequester authority public key
 *     (SPKI PEM); null for an org without sequester. Given meaning by the sequester capability.
 */
public record RegisterFinishRequest(String userId, String registrationRecord, String token,
                                    String sequesterAuthorityKey) {}
