package io.keyward.crypto.ksf;

/**
 * The key-stretching function (KSF) OPAQUE applies to the OPRF output on the client (RFC 9807
 * section 4.3): {@code Stretch(msg)} returns {@code outputLength} bytes and is deliberately
 * expensive so that an attacker holding the server database pays per password guess.
 *
 * <p>Client and server must agree on the choice and its parameters: a registration made with one
 * cannot be used to log in with another.
 */
public sealed interface KeyStretching permits IdentityKsf, Argon2idKsf, ScryptKsf {
    /** Stretches {@code input} (the OPRF output, a secret) into {@code outputLength} bytes. */
    byte[] stretch(byte[] input, int outputLength);

    /** A short, stable description of the function and its parameters; never secret. */
    String describe();
}
