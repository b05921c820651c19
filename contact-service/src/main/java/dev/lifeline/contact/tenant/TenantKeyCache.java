package dev.lifeline.contact.tenant;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers which tenant a key hash belongs to for a few seconds, so that the hot path does not query the key
 * table on every request. A revocation forgets the entry at once on this instance; other instances follow within
 * the time to live.
 */
@ApplicationScoped
public class TenantKeyCache {

    static final long TTL_NANOS = 5_000_000_000L;
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Optional<String> tenantId, long expiresAt) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    public Optional<String> get(String hash, Function<String, Optional<String>> loader) {
        long now = System.nanoTime();
        Entry entry = entries.get(hash);
        if (entry != null && entry.expiresAt - now > 0) {
            return entry.tenantId;
        }
        Optional<String> tenantId = loader.apply(hash);
        // Unknown keys are not cached: a guessing client must not fill the memory.
        if (tenantId.isPresent()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(hash, new Entry(tenantId, now + TTL_NANOS));
        }
        return tenantId;
    }

    public void forget(String hash) {
        entries.remove(hash);
    }
}
