package io.keyward.bench;

import io.keyward.crypto.ec.ristretto.RistrettoPoint;
import io.keyward.crypto.ec.ristretto.Scalar25519;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** ristretto255 operations that dominate OPRF/OPAQUE cost: scalar multiplication, map, codec. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RistrettoBench {
    private Scalar25519 scalar;
    private RistrettoPoint point;
    private byte[] encoded;
    private byte[] uniform;

    @Setup
    public void setUp() {
        SecureRandom random = new SecureRandom();
        scalar = Scalar25519.random(random);
        uniform = new byte[64];
        random.nextBytes(uniform);
        point = RistrettoPoint.fromUniformBytes(uniform);
        encoded = point.encode();
    }

    @Benchmark
    public RistrettoPoint multiplyBasepoint() {
        return RistrettoPoint.BASEPOINT.multiply(scalar);
    }

    @Benchmark
    public RistrettoPoint multiplyRandomPoint() {
        return point.multiply(scalar);
    }

    /**
     * Reference point: BouncyCastle's X25519 (Montgomery ladder on the same field), to tell how
     * far our extended-coordinates multiplication is from the library's own.
     */
    @Benchmark
    public byte[] x25519ReferenceBouncyCastle() {
        byte[] out = new byte[32];
        X25519.scalarMult(encoded, 0, uniform, 0, out, 0);
        return out;
    }

    @Benchmark
    public RistrettoPoint fromUniformBytes() {
        return RistrettoPoint.fromUniformBytes(uniform);
    }

    @Benchmark
    public RistrettoPoint decode() {
        return RistrettoPoint.decode(encoded);
    }

    @Benchmark
    public byte[] encode() {
        return point.encode();
    }

    @Benchmark
    public Scalar25519 scalarMultiply() {
        return scalar.multiply(scalar);
    }

    @Benchmark
    public Scalar25519 scalarInvert() {
        return scalar.invert();
    }
}
