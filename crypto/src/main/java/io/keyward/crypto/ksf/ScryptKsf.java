package io.keyward.crypto.ksf;

import org.bouncycastle.crypto.generators.SCrypt;

/**
 * scrypt (RFC 7914) as the OPAQUE KSF, as RFC 9807 section 7 writes it:
 * {@code scrypt(S = zeroes(16), N, r, p, dkLen = Nh)}.
 *
 * @param cost N, a power of two greater than 1
 * @param blockSize r
 * @param parallelism p
 */
public record ScryptKsf(int cost, int blockSize, int parallelism) implements KeyStretching {
    /** The parameters RFC 9807 names: N = 32768, r = 8, p = 1. */
    public static final ScryptKsf RFC9807 = new ScryptKsf(32768, 8, 1);

    private static final byte[] SALT = new byte[16];

    public ScryptKsf {
        if (cost <= 1 || Integer.bitCount(cost) != 1) {
            throw new IllegalArgumentException("scrypt N must be a power of two greater than 1");
        }
        if (blockSize < 1 || parallelism < 1 || (long) blockSize * parallelism >= 1 << 30) {
            throw new IllegalArgumentException("scrypt r and p must be positive with r*p < 2^30");
        }
    }

    @Override
    public byte[] stretch(byte[] input, int outputLength) {
        return SCrypt.generate(input, SALT, cost, blockSize, parallelism, outputLength);
    }

    @Override
    public String describe() {
        return "scrypt(N=" + cost + ",r=" + blockSize + ",p=" + parallelism + ")";
    }
}
