package io.keyward.server.lock;

import io.keyward.crypto.util.Bytes;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Unwrapped data keys in memory, so that a KMS is asked once per data key per time-to-live rather than
 * once per operation (DESIGN.md, "Key hierarchy"). Bounded: the least recently used entry goes first.
 * Entries are keyed by the hash of the KMS ciphertext that carries the key, never by the key itself.
 * Keys handed out are copies, and every key leaving the cache (expiry, eviction, clear) is overwritten.
 */
final class DataKeyCache {
    private final long ttlNanos;
    private final int capacity;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    private record Entry(byte[] key, long expiresAt) {}

    DataKeyCache(Duration ttl, int capacity, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.capacity = capacity;
        this.nanoClock = nanoClock;
    }

    /** A copy of the cached key, or empty when absent or expired (an expired one is erased now). */
    synchronized Optional<byte[]> get(String id) {
        Entry entry = entries.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanoClock.getAsLong() - entry.expiresAt() >= 0) {
            entries.remove(id);
            Bytes.zeroize(entry.key());
            return Optional.empty();
        }
        return Optional.of(entry.key().clone());
    }

    /** Keeps a copy of {@code key} for the time-to-live from now; the caller still owns (and erases) its array. */
    synchronized void put(String id, byte[] key) {
        Entry previous = entries.put(id, new Entry(key.clone(), nanoClock.getAsLong() + ttlNanos));
        if (previous != null) {
            Bytes.zeroize(previous.key());
        }
        Iterator<Map.Entry<String, Entry>> oldest = entries.entrySet().iterator();
        while (entries.size() > capacity && oldest.hasNext()) {
            Bytes.zeroize(oldest.next().getValue().key());
            oldest.remove();
        }
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized void clear() {
        entries.values().forEach(entry -> Bytes.zeroize(entry.key()));
        entries.clear();
    }
}
