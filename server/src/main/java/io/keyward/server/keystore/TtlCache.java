package io.keyward.server.keystore;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A bounded, least-recently-used cache whose entries expire a fixed time after they were loaded. Values
 * are never zeroized on eviction: another request may still be using one; they are left to the collector.
 */
final class TtlCache<K, V> {
    private record Cached<V>(V value, long expiresMs) {}

    private final long ttlMs;
    private final Clock clock;
    private final LinkedHashMap<K, Cached<V>> entries;
    private final ConcurrentHashMap<K, Object> loading = new ConcurrentHashMap<>();

    TtlCache(java.time.Duration ttl, int maxSize, Clock clock) {
        this.ttlMs = ttl.toMillis();
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Cached<V>> eldest) {
                return size() > maxSize;
            }
        };
    }

    /**
     * The cached value, or {@code loader}'s. Concurrent misses of one key load it once (the others wait for
     * that load), so a burst of requests on a cold keystore asks the root lock once; misses of other keys
     * are not held up, as the loader runs outside the cache's own lock.
     */
    V get(K key, Supplier<V> loader) {
        V cached = fresh(key);
        if (cached != null) {
            return cached;
        }
        Object gate = loading.computeIfAbsent(key, k -> new Object());
        try {
            synchronized (gate) {
                cached = fresh(key);
                if (cached != null) {
                    return cached;
                }
                long now = clock.millis();
                V value = loader.get();
                if (ttlMs > 0) {
                    synchronized (entries) {
                        entries.put(key, new Cached<>(value, now + ttlMs));
                    }
                }
                return value;
            }
        } finally {
            loading.remove(key, gate);
        }
    }

    private V fresh(K key) {
        long now = clock.millis();
        synchronized (entries) {
            Cached<V> entry = entries.get(key);
            if (entry != null && entry.expiresMs() > now) {
                return entry.value();
            }
            entries.remove(key);
            return null;
        }
    }

    void remove(K key) {
        synchronized (entries) {
            entries.remove(key);
        }
    }

    void removeIf(java.util.function.Predicate<K> which) {
        synchronized (entries) {
            entries.keySet().removeIf(which);
        }
    }
}
