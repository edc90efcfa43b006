package io.keyward.crypto.ksf;

/**
 * The identity KSF: returns its input. It exists for the RFC 9807 test vectors and offers no
 * protection against offline guessing; never configure it for real accounts.
 */
public record IdentityKsf() implements KeyStretching {
    public static final IdentityKsf INSTANCE = new IdentityKsf();

    @Override
    public byte[] stretch(byte[] input, int outputLength) {
        if (input.length != outputLength) {
            throw new IllegalArgumentException("identity KSF input must already be " + outputLength + " bytes");
        }
        return input.clone();
    }

    @Override
    public String describe() {
        return "identity";
    }
}
