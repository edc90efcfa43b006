package io.keyward.bench;

import io.keyward.crypto.shamir.Shamir;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Shamir sharing of a 32-byte keystore lock key into 5 shares with threshold 3, the shape a Shamir
 * keystore uses: split once at creation, combine on every unlock.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ShamirBench {
    private byte[] secret;
    private List<byte[]> threeShares;
    private List<byte[]> fiveShares;

    @Setup
    public void setUp() {
        secret = new byte[32];
        new java.util.Random(1).nextBytes(secret);
        fiveShares = Shamir.split(secret, 5, 3);
        threeShares = fiveShares.subList(0, 3);
    }

    @Benchmark
    public List<byte[]> split32BytesInto5Threshold3() {
        return Shamir.split(secret, 5, 3);
    }

    @Benchmark
    public byte[] combine3Of5() {
        return Shamir.combine(threeShares);
    }

    /** Combining all five with the consistency check of the two extra shares. */
    @Benchmark
    public byte[] combine5Of5Checked() {
        return Shamir.combine(fiveShares, 3);
    }
}
