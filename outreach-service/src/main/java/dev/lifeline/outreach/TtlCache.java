package dev.lifeline.outreach;

import dev.lifeline.kit.inbox.DatabaseOutage;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A per-instance cache of rows the send path reads thousands of times a second but that change rarely (a campaign, a
 * run's outage facts, a business's sender profile, the platform groups): each value is read again after a fixed
 * time, and while the database is away the last value read is still served rather than failing the send. Bounded
 * crudely (cleared past a size): the keys are businesses, campaigns and runs of the last minutes, never contacts.
 */
public final class TtlCache<K, V> {

    private record Entry<V>(V value, long at) {}

    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public TtlCache(Duration ttl, int maxEntries) {
        this(ttl, maxEntries, System::nanoTime);
    }

    TtlCache(Duration ttl, int maxEntries, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    public V get(K key, Function<K, V> load) {
        long now = nanoTime.getAsLong();
        Entry<V> cached = entries.get(key);
        if (cached != null && now - cached.at() < ttlNanos) {
            return cached.value();
        }
        V fresh;
        try {
            fresh = load.apply(key);
        } catch (RuntimeException e) {
            if (cached != null && DatabaseOutage.isCause(e)) {
                return cached.value();
            }
            throw e;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(fresh, now));
        return fresh;
    }

    /** A change made through this instance applies here at once; other instances see it within the time to live. */
    public void forget(K key) {
        entries.remove(key);
    }
}
