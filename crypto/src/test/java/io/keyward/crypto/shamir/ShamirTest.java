package io.keyward.crypto.shamir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShamirTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @ParameterizedTest
    @CsvSource({"2,2", "2,3", "3,5", "5,5", "4,10", "10,20", "2,255", "255,255", "17,200"})
    void anyThresholdSharesRecoverTheSecret(int threshold, int parts) {
        byte[] secret = randomBytes(1 + RANDOM.nextInt(48));
        List<byte[]> shares = Shamir.split(secret, parts, threshold);

        assertThat(shares).hasSize(parts).allSatisfy(s -> assertThat(s).hasSize(secret.length + 1));
        Set<Integer> xs = new HashSet<>();
        for (byte[] share : shares) {
            int x = share[secret.length] & 0xff;
            assertThat(x).isBetween(1, 255);
            xs.add(x);
        }
        assertThat(xs).hasSize(parts);

        for (int trial = 0; trial < 10; trial++) {
            List<byte[]> subset = randomSubset(shares, threshold);
            assertThat(Shamir.combine(subset)).isEqualTo(secret);
            assertThat(Shamir.combine(subset, threshold)).isEqualTo(secret);
        }
        assertThat(Shamir.combine(shares)).isEqualTo(secret);
        assertThat(Shamir.combine(shares, threshold)).isEqualTo(secret);
    }

    @Test
    void longSecretsSpanSeveralRandomBlocks() {
        byte[] secret = randomBytes(1000);
        List<byte[]> shares = Shamir.split(secret, 4, 3);
        assertThat(Shamir.combine(shares.subList(1, 4))).isEqualTo(secret);
        assertThat(Shamir.combine(shares, 3)).isEqualTo(secret);
    }

    /** Vault's TestCombine: every ordered choice of 3 of 5 shares of "test". */
    @Test
    void everyOrderedChoiceOfThreeOfFive() {
        byte[] secret = "test".getBytes(StandardCharsets.US_ASCII);
        List<byte[]> out = Shamir.split(secret, 5, 3);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                for (int k = 0; k < 5; k++) {
                    if (i != j && j != k && i != k) {
                        assertThat(Shamir.combine(List.of(out.get(i), out.get(j), out.get(k)))).isEqualTo(secret);
                    }
                }
            }
        }
    }

    @Test
    void fewerThanThresholdSharesGiveAnotherValue() {
        byte[] secret = randomBytes(32);
        List<byte[]> shares = Shamir.split(secret, 5, 3);
        // with 32 random bytes the chance of an accidental match is 2^-256
        assertThat(Shamir.combine(shares.subList(0, 2))).isNotEqualTo(secret);
        assertThat(Shamir.combine(shares.subList(3, 5))).isNotEqualTo(secret);
        assertThatThrownBy(() -> Shamir.combine(shares.subList(0, 2), 3))
                .isInstanceOf(ShamirException.class).hasMessage("need at least 3 shares, got 2");
    }

    /**
     * Shares worked by hand in Vault's field: for the secret {0x42, 0x00} and the degree-1
     * polynomials f(x) = s + 0xe5 * x, f(1) = s ^ 0xe5 and f(0xe5) = s ^ 0xe5^2 = s ^ 0x4c (Vault's
     * expTable[2], shamir/tables.go). Vault's Combine on these returns the secret, and so must ours.
     */
    @Test
    void combinesSharesDerivedFromVaultTables() {
        byte[] atOne = {(byte) (0x42 ^ 0xe5), (byte) 0xe5, 0x01};
        byte[] atGenerator = {(byte) (0x42 ^ 0x4c), 0x4c, (byte) 0xe5};
        assertThat(Shamir.combine(List.of(atOne, atGenerator))).containsExactly(0x42, 0x00);
        assertThat(Shamir.combine(List.of(atGenerator, atOne))).containsExactly(0x42, 0x00);
    }

    @Test
    void refusesBadSplitParameters() {
        byte[] secret = "test".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Shamir.split(secret, 0, 0)).isInstanceOf(ShamirException.class)
                .hasMessage("threshold must be at least 2, got 0");
        assertThatThrownBy(() -> Shamir.split(secret, 2, 3)).isInstanceOf(ShamirException.class)
                .hasMessage("shares (2) cannot be fewer than the threshold (3)");
        assertThatThrownBy(() -> Shamir.split(secret, 1000, 3)).isInstanceOf(ShamirException.class)
                .hasMessage("shares cannot exceed 255, got 1000");
        assertThatThrownBy(() -> Shamir.split(secret, 10, 1)).isInstanceOf(ShamirException.class)
                .hasMessage("threshold must be at least 2, got 1");
        assertThatThrownBy(() -> Shamir.split(new byte[0], 3, 2)).isInstanceOf(ShamirException.class)
                .hasMessage("cannot split an empty secret");
        assertThatThrownBy(() -> Shamir.split(null, 3, 2)).isInstanceOf(ShamirException.class);
    }

    @Test
    void refusesMalformedShareSets() {
        assertThatThrownBy(() -> Shamir.combine(List.of())).isInstanceOf(ShamirException.class)
                .hasMessage("at least 2 shares are needed, got 0");
        assertThatThrownBy(() -> Shamir.combine(List.of(new byte[] {1, 2, 3}))).isInstanceOf(ShamirException.class)
                .hasMessage("at least 2 shares are needed, got 1");
        assertThatThrownBy(() -> Shamir.combine(List.of(bytes("foo"), bytes("ba")))).isInstanceOf(ShamirException.class)
                .hasMessage("shares have different lengths (share 1: 3 bytes, share 2: 2 bytes)");
        assertThatThrownBy(() -> Shamir.combine(List.of(bytes("f"), bytes("b")))).isInstanceOf(ShamirException.class)
                .hasMessageStartingWith("share 1 is 1 byte(s) long");
        assertThatThrownBy(() -> Shamir.combine(List.of(bytes("foo"), bytes("foo")))).isInstanceOf(ShamirException.class)
                .hasMessage("shares 1 and 2 are the same share");
        assertThatThrownBy(() -> Shamir.combine(List.of(bytes("fxo"), bytes("boo")))).isInstanceOf(ShamirException.class)
                .hasMessageContaining("same x coordinate but different values");
        assertThatThrownBy(() -> Shamir.combine(List.of(new byte[] {1, 0}, new byte[] {2, 1}))).isInstanceOf(ShamirException.class)
                .hasMessage("share 1 has x coordinate 0, which no split produces");
        assertThatThrownBy(() -> Shamir.combine(java.util.Arrays.asList(new byte[] {1, 2}, null))).isInstanceOf(ShamirException.class)
                .hasMessage("share 2 is missing");
    }

    @Test
    void detectsMixedSplitsWhenMoreThanThresholdSharesAreGiven() {
        byte[] secret = randomBytes(32);
        List<byte[]> first = Shamir.split(secret, 5, 3);
        List<byte[]> second = Shamir.split(secret, 5, 3);
        // pick a share of the second split whose x coordinate is not among the first three
        byte[] foreign = second.stream()
                .filter(s -> first.subList(0, 3).stream().noneMatch(f -> f[32] == s[32]))
                .findFirst().orElseThrow();
        List<byte[]> mixed = List.of(first.get(0), first.get(1), first.get(2), foreign);
        assertThatThrownBy(() -> Shamir.combine(mixed, 3)).isInstanceOf(ShamirException.class)
                .hasMessageContaining("share 4 does not lie on the polynomial of the first 3 shares");
    }

    @Test
    void detectsACorruptedExtraShare() {
        byte[] secret = randomBytes(16);
        List<byte[]> shares = new ArrayList<>(Shamir.split(secret, 4, 2));
        byte[] corrupted = shares.get(3).clone();
        corrupted[5] ^= 0x01;
        shares.set(3, corrupted);
        assertThat(Shamir.combine(shares.subList(0, 3), 2)).isEqualTo(secret);
        assertThatThrownBy(() -> Shamir.combine(shares, 2)).isInstanceOf(ShamirException.class)
                .hasMessageContaining("share 4 does not lie");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static List<byte[]> randomSubset(List<byte[]> shares, int count) {
        List<byte[]> copy = new ArrayList<>(shares);
        java.util.Collections.shuffle(copy, RANDOM);
        return copy.subList(0, count);
    }
}
