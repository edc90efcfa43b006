package io.keyward.crypto.ksf;

import org.bouncycastle.crypto.generators.SCrypt;

/**
 * scrypt (RFC 7914) as the OPAQUE KSF: {@code scrypt(P = msg, S = zeroes(16), N, r, p, dkLen = Nh)}.
 * RFC 9807 names scrypt as a possible KSF without fixing its parameters; the fixed zero salt
 * follows its Argon2id configurations (the stretched OPRF output is already unique per user).
 *
 * @param cost N, a power of two greater than 1
 * @param blockSize r
 * @param parallelism p
 */
public record ScryptKsf(int cost, int blockSize, int parallelism) implements KeyStretching {
    /**
     * N = 32768, r = 8, p = 1 (32 MiB): the Scrypt(32768,8,1) that drafts of RFC 9807 recommended
     * before the RFC settled on Argon2id.
     */
    public static final ScryptKsf STANDARD = new ScryptKsf(32768, 8, 1);

    private static final byte[] SALT = new byte[16];

    public ScryptKsf {
        if (cost <= 1 || Integer.bitCount(cost) != 1) {
            throw new IllegalArgumentException("scrypt N must be a power of two greater than 1");
        }
        if (blockSize < 1 || parallelism < 1 || (long) blockSize * parallelism >= 1 << 30) {
            throw new IllegalArgumentException("scrypt r and p must be positive with r*p < 2^30");
        }
        // RFC 7914 section 2: N < 2^(128 * r / 8), which an int N can break only when r = 1;
        // BouncyCastle would refuse it only when called.
        if (blockSize == 1 && cost >= 1 << 16) {
            throw new IllegalArgumentException("scrypt N must be below 2^(16*r)");
        }
        if (parallelism > Integer.MAX_VALUE / (1024 * blockSize)) {
            throw new IllegalArgumentException("scrypt p is too large for this r");
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
