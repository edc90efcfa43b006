package io.keyward.server.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DataKeyCacheTest {
    private final AtomicLong clock = new AtomicLong(-5); // nanoTime may be negative: only differences count
    private final DataKeyCache cache = new DataKeyCache(Duration.ofSeconds(60), 2, clock::get);

    @Test
    void handsOutCopiesUntilTheTimeToLivePasses() {
        byte[] key = {1, 2, 3};
        cache.put("a", key);
        key[0] = 9; // the caller's array is its own
        byte[] copy = cache.get("a").orElseThrow();
        assertThat(copy).containsExactly(1, 2, 3);
        copy[1] = 9;
        assertThat(cache.get("a").orElseThrow()).containsExactly(1, 2, 3);

        clock.addAndGet(Duration.ofSeconds(60).toNanos() - 1);
        assertThat(cache.get("a")).isPresent();
        clock.addAndGet(1);
        assertThat(cache.get("a")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void theLeastRecentlyUsedKeyGoesFirst() {
        cache.put("a", new byte[] {1});
        cache.put("b", new byte[] {2});
        cache.get("a");
        cache.put("c", new byte[] {3});
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("b")).isEmpty();
        assertThat(cache.get("a")).isPresent();
        assertThat(cache.get("c")).isPresent();
        cache.clear();
        assertThat(cache.get("a")).isEmpty();
    }
}
