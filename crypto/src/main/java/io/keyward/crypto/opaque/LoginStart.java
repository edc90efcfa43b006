package io.keyward.crypto.opaque;

/** The client's first login step: KE1 to send and the state to keep. */
public record LoginStart(KE1 ke1, ClientLoginState state) {}
