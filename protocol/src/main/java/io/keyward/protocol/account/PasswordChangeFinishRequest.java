package io.keyward.protocol.account;

/**
 * {@code POST /v1/account/password/finish} (sealed): the new RegistrationRecord and the key bundle
 * rewrapped under the new export key. Applied atomically; every other session of the account ends.
 */
public record PasswordChangeFinishRequest(String registrationRecord, String keyBundle) {}
