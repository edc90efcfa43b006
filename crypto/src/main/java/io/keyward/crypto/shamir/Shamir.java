package io.keyward.crypto.shamir;

import io.keyward.crypto.util.Bytes;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * Shamir secret sharing over GF(2^8), byte-compatible with HashiCorp Vault's {@code shamir}
 * package: shares produced here combine in Vault and the other way round.
 *
 * <p>Each byte of the secret is the intercept of its own random polynomial of degree
 * {@code threshold - 1}. A share is the polynomial values at one x coordinate, one byte per secret
 * byte, followed by that x coordinate as the last byte, so a share is one byte longer than the
 * secret. The x coordinates are distinct, non-zero and chosen at random from 1..255, as Vault does.
 *
 * <p>What combining can and cannot detect: too few shares (fewer than two, or fewer than a
 * threshold the caller states), shares of different lengths, the same share twice, and two shares
 * with the same x coordinate but different values (different splits or a corrupted share).
 * Shares from <em>different splits</em> with distinct x coordinates, or a corrupted share, cannot
 * be detected when exactly {@code threshold} shares are given: any {@code threshold} points define
 * some polynomial and combining then silently returns a wrong secret. Only given more shares than
 * the threshold, through {@link #combine(List, int)}, can the extra shares be checked against the
 * polynomial the others define.
 */
public final class Shamir {
    /** Most shares a split can produce: there are 255 non-zero x coordinates. */
    public static final int MAX_SHARES = 255;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Shamir() {}

    /** Splits {@code secret} into {@code parts} shares, any {@code threshold} of which recover it. */
    public static List<byte[]> split(byte[] secret, int parts, int threshold) {
        return split(secret, parts, threshold, RANDOM);
    }

    /**
     * Splits {@code secret} into {@code parts} shares, any {@code threshold} of which recover it.
     *
     * @param random source of the x coordinates and polynomial coefficients
     * @throws ShamirException unless {@code 2 <= threshold <= parts <= 255} and the secret is non-empty
     */
    public static List<byte[]> split(byte[] secret, int parts, int threshold, SecureRandom random) {
        if (secret == null || secret.length == 0) {
            throw new ShamirException("cannot split an empty secret");
        }
        checkParameters(parts, threshold);
        int[] xs = randomDistinctNonZero(parts, random);
        byte[][] out = new byte[parts][secret.length + 1];
        for (int i = 0; i < parts; i++) {
            out[i][secret.length] = (byte) xs[i];
        }
        int[] coefficients = new int[threshold];
        // SecureRandom calls cost more than the arithmetic: draw the coefficients for a block of
        // secret bytes at once (bounded, so a long secret does not need a huge buffer)
        int block = Math.min(secret.length, 256);
        byte[] randomCoefficients = new byte[block * (threshold - 1)];
        try {
            for (int b = 0; b < secret.length; b++) {
                int inBlock = b % block;
                if (inBlock == 0) {
                    random.nextBytes(randomCoefficients);
                }
                coefficients[0] = secret[b] & 0xff;
                for (int k = 1; k < threshold; k++) {
                    coefficients[k] = randomCoefficients[inBlock * (threshold - 1) + k - 1] & 0xff;
                }
                for (int i = 0; i < parts; i++) {
                    out[i][b] = (byte) evaluate(coefficients, xs[i]);
                }
            }
        } finally {
            Arrays.fill(coefficients, 0);
            Bytes.zeroize(randomCoefficients);
        }
        return List.of(out);
    }

    /**
     * Checks split parameters without splitting, so a caller can refuse them before reading a secret.
     *
     * @throws ShamirException unless {@code 2 <= threshold <= parts <= 255}
     */
    public static void checkParameters(int parts, int threshold) {
        if (threshold < 2) {
            throw new ShamirException("threshold must be at least 2, got " + threshold);
        }
        if (parts < threshold) {
            throw new ShamirException("shares (" + parts + ") cannot be fewer than the threshold (" + threshold + ")");
        }
        if (parts > MAX_SHARES) {
            throw new ShamirException("shares cannot exceed " + MAX_SHARES + ", got " + parts);
        }
    }

    /**
     * Recovers the secret from shares of one split, as Vault's {@code Combine} does: every share
     * given takes part. At least {@code threshold} shares are needed for the right answer; fewer
     * give a wrong secret without any error, because that cannot be detected.
     *
     * @throws ShamirException if the shares are malformed or inconsistent in a detectable way
     */
    public static byte[] combine(List<byte[]> shares) {
        int[] xs = checkShares(shares);
        return interpolateAt(0, shares, xs, shares.size());
    }

    /**
     * Recovers the secret from at least {@code threshold} shares of one split and checks that every
     * share beyond the first {@code threshold} lies on the same polynomials, which detects shares
     * from different splits and corrupted shares whenever more than {@code threshold} are given.
     */
    public static byte[] combine(List<byte[]> shares, int threshold) {
        if (threshold < 2) {
            throw new ShamirException("threshold must be at least 2, got " + threshold);
        }
        int[] xs = checkShares(shares);
        if (shares.size() < threshold) {
            throw new ShamirException("need at least " + threshold + " shares, got " + shares.size());
        }
        for (int extra = threshold; extra < shares.size(); extra++) {
            byte[] expected = interpolateAt(xs[extra], shares, xs, threshold);
            byte[] actual = Arrays.copyOf(shares.get(extra), expected.length);
            boolean same = Bytes.constantTimeEquals(expected, actual);
            Bytes.zeroize(expected, actual);
            if (!same) {
                throw new ShamirException("share " + (extra + 1) + " does not lie on the polynomial of the first "
                        + threshold + " shares: the shares come from different splits or one is corrupted");
            }
        }
        return interpolateAt(0, shares, xs, threshold);
    }

    /** Validates the shape of the shares and returns their x coordinates. */
    private static int[] checkShares(List<byte[]> shares) {
        if (shares == null || shares.size() < 2) {
            throw new ShamirException("at least 2 shares are needed, got " + (shares == null ? 0 : shares.size()));
        }
        if (shares.size() > MAX_SHARES) {
            throw new ShamirException("at most " + MAX_SHARES + " shares can be combined, got " + shares.size());
        }
        if (shares.get(0) == null) {
            throw new ShamirException("share 1 is missing");
        }
        int length = shares.get(0).length;
        for (int i = 0; i < shares.size(); i++) {
            byte[] share = shares.get(i);
            if (share == null) {
                throw new ShamirException("share " + (i + 1) + " is missing");
            }
            if (share.length < 2) {
                throw new ShamirException("share " + (i + 1) + " is " + share.length
                        + " byte(s) long; a share is at least 2 bytes (1 secret byte and the x coordinate)");
            }
            if (share.length != length) {
                throw new ShamirException("shares have different lengths (share 1: " + length + " bytes, share "
                        + (i + 1) + ": " + share.length + " bytes)");
            }
        }
        int[] xs = new int[shares.size()];
        for (int i = 0; i < shares.size(); i++) {
            xs[i] = shares.get(i)[length - 1] & 0xff;
            if (xs[i] == 0) {
                throw new ShamirException("share " + (i + 1) + " has x coordinate 0, which no split produces");
            }
            for (int j = 0; j < i; j++) {
                if (xs[j] == xs[i]) {
                    throw new ShamirException(Arrays.equals(shares.get(i), shares.get(j))
                            ? "shares " + (j + 1) + " and " + (i + 1) + " are the same share"
                            : "shares " + (j + 1) + " and " + (i + 1) + " have the same x coordinate but different"
                                    + " values: they come from different splits or one is corrupted");
                }
            }
        }
        return xs;
    }

    /** Lagrange interpolation at {@code x} through the first {@code count} shares, every byte. */
    private static byte[] interpolateAt(int x, List<byte[]> shares, int[] xs, int count) {
        // The basis values depend only on the (public) x coordinates: compute them once.
        int[] basis = new int[count];
        for (int i = 0; i < count; i++) {
            int numerator = 1;
            int denominator = 1;
            for (int j = 0; j < count; j++) {
                if (j != i) {
                    numerator = Gf256.mul(numerator, Gf256.add(x, xs[j]));
                    denominator = Gf256.mul(denominator, Gf256.add(xs[i], xs[j]));
                }
            }
            basis[i] = Gf256.div(numerator, denominator);
        }
        byte[] out = new byte[shares.get(0).length - 1];
        for (int b = 0; b < out.length; b++) {
            int value = 0;
            for (int i = 0; i < count; i++) {
                value ^= Gf256.mul(shares.get(i)[b] & 0xff, basis[i]);
            }
            out[b] = (byte) value;
        }
        return out;
    }

    /** Horner's rule; coefficient 0 is the intercept. */
    private static int evaluate(int[] coefficients, int x) {
        int value = coefficients[coefficients.length - 1];
        for (int k = coefficients.length - 2; k >= 0; k--) {
            value = Gf256.add(Gf256.mul(value, x), coefficients[k]);
        }
        return value;
    }

    /** The first {@code count} of a uniformly random permutation of 1..255 (Fisher-Yates). */
    private static int[] randomDistinctNonZero(int count, SecureRandom random) {
        int[] all = new int[MAX_SHARES];
        for (int i = 0; i < all.length; i++) {
            all[i] = i + 1;
        }
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(all.length - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, count);
    }
}
