package io.keyward.crypto.ksf;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) as the OPAQUE KSF, configured as RFC 9807 section 7 writes it:
 * {@code Argon2id(S = zeroes(16), p, T = Nh, m, t, v = 0x13, K = nil, X = nil, y = 2)}. The salt
 * is fixed because the OPRF output it stretches is already unique per user and server.
 *
 * @param memoryKiB m, in KiB
 * @param iterations t
 * @param parallelism p
 */
public record Argon2idKsf(int memoryKiB, int iterations, int parallelism) implements KeyStretching {
    /** RFC 9106 section 4 first recommendation, as RFC 9807 recommends: m = 2^21 KiB (2 GiB), t = 1, p = 4. */
    public static final Argon2idKsf RFC9106_RECOMMENDED = new Argon2idKsf(1 << 21, 1, 4);

    /** RFC 9106 section 4 second recommendation, for memory-constrained clients: m = 2^16 KiB (64 MiB), t = 3, p = 4. */
    public static final Argon2idKsf LIGHT = new Argon2idKsf(1 << 16, 3, 4);

    private static final byte[] SALT = new byte[16];

    public Argon2idKsf {
        if (parallelism < 1 || parallelism > 0xffffff) {
            throw new IllegalArgumentException("Argon2id parallelism must be between 1 and 2^24-1");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("Argon2id needs at least one iteration");
        }
        if (memoryKiB < 8 * parallelism) {
            throw new IllegalArgumentException("Argon2id memory must be at least 8 KiB per lane");
        }
    }

    @Override
    public byte[] stretch(byte[] input, int outputLength) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(SALT)
                .withParallelism(parallelism)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[outputLength];
        generator.generateBytes(input, out);
        return out;
    }

    @Override
    public String describe() {
        return "argon2id(m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + ")";
    }
}
