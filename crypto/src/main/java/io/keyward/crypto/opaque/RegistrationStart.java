package io.keyward.crypto.opaque;

/** The client's first registration step: the request to send and the state to keep. */
public record RegistrationStart(RegistrationRequest request, ClientRegistrationState state) {}
