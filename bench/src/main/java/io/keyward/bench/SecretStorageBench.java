package io.keyward.bench;

import io.keyward.crypto.ssss.AesHmacSha2;
import io.keyward.crypto.ssss.SecretStorageKey;
import io.keyward.crypto.ssss.SsssItem;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Matrix secret storage: encrypting and decrypting a 1 KiB item (HKDF, AES-256-CTR, HMAC-SHA256
 * and a random IV per encryption), the client-side cost of storing one secret.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SecretStorageBench {
    private static final String NAME = "m.cross_signing.master";

    private SecretStorageKey key;
    private byte[] plaintext;
    private SsssItem item;

    @Setup
    public void setUp() {
        key = SecretStorageKey.generate();
        plaintext = new byte[1024];
        new java.util.Random(1).nextBytes(plaintext);
        item = AesHmacSha2.encrypt(key, NAME, plaintext);
    }

    @Benchmark
    public SsssItem encrypt1KiB() {
        return AesHmacSha2.encrypt(key, NAME, plaintext);
    }

    @Benchmark
    public byte[] decrypt1KiB() {
        return AesHmacSha2.decrypt(key, NAME, item);
    }
}
