package io.keyward.crypto.opaque;

/** The server's answer to KE1: KE2 to send and the state to keep until KE3. */
public record ServerLoginStart(KE2 ke2, ServerLoginState state) {}
