package io.keyward.crypto.ksf;

/**
 * The key-stretching function (KSF) OPAQUE applies to the OPRF output on the client (RFC 9807
 * section 2.3): {@code Stretch(msg)} returns {@code outputLength} bytes and is deliberately
 * expensive so that an attacker holding the server database pays per password guess.
 *
 * <p>Client and server must agree on the choice and its parameters: a registration made with one
 * cannot be used to log in with another.
 */
public sealed interface KeyStretching permits IdentityKsf, Argon2idKsf, ScryptKsf {
    /**
     * Keyward's default: Argon2id with the RFC 9106 first recommended parameters, as RFC 9807
     * recommends. It needs 2 GiB of memory per login on the client (give the JVM a heap to
     * match); {@link Argon2idKsf#LIGHT} is the profile for constrained clients.
     */
    KeyStretching DEFAULT = Argon2idKsf.RFC9106_RECOMMENDED;

    /** Stretches {@code input} (the OPRF output, a secret) into {@code outputLength} bytes. */
    byte[] stretch(byte[] input, int outputLength);

    /** A short, stable description of the function and its parameters, as {@link #parse} reads it; never secret. */
    String describe();

    /**
     * Reads a description written by {@link #describe()}: {@code identity},
     * {@code argon2id(m=65536,t=3,p=4)} or {@code scrypt(N=32768,r=8,p=1)}.
     *
     * @throws IllegalArgumentException for anything else
     */
    static KeyStretching parse(String description) {
        if (description == null) {
            throw new IllegalArgumentException("key-stretching function is missing");
        }
        String d = description.strip();
        if (d.equals("identity")) {
            return IdentityKsf.INSTANCE;
        }
        java.util.regex.Matcher argon = java.util.regex.Pattern
                .compile("argon2id\\(m=(\\d{1,10}),t=(\\d{1,10}),p=(\\d{1,8})\\)").matcher(d);
        if (argon.matches()) {
            return new Argon2idKsf(parseInt(argon.group(1)), parseInt(argon.group(2)), parseInt(argon.group(3)));
        }
        java.util.regex.Matcher scrypt = java.util.regex.Pattern
                .compile("scrypt\\(N=(\\d{1,10}),r=(\\d{1,10}),p=(\\d{1,10})\\)").matcher(d);
        if (scrypt.matches()) {
            return new ScryptKsf(parseInt(scrypt.group(1)), parseInt(scrypt.group(2)), parseInt(scrypt.group(3)));
        }
        throw new IllegalArgumentException("unknown key-stretching function: " + d);
    }

    private static int parseInt(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("key-stretching parameter out of range: " + digits);
        }
    }
}
