package dev.lifeline.outreach.sender;

import dev.lifeline.kit.inbox.DatabaseOutage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each business's sender profile for the send path, which runs thousands of messages a second: read at most once per
 * {@link #TTL_NANOS} per business and instance, never per message. A change made through this instance's API applies
 * at once ({@link #forget}); other instances see it within the TTL.
 */
@ApplicationScoped
public class SenderProfiles {

    static final long TTL_NANOS = 5_000_000_000L;

    @Inject
    SenderProfileLoader loader;

    private record Cached(SenderProfile profile, long at) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public SenderProfile of(String tenantId) {
        long now = System.nanoTime();
        Cached cached = cache.get(tenantId);
        if (cached != null && now - cached.at < TTL_NANOS) {
            return cached.profile;
        }
        SenderProfile fresh;
        try {
            fresh = loader.load(tenantId);
        } catch (RuntimeException e) {
            // With the database away, the profile last read is still the business's best word (keys change rarely).
            if (cached != null && DatabaseOutage.isCause(e)) {
                return cached.profile;
            }
            throw e;
        }
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(tenantId, new Cached(fresh, now));
        return fresh;
    }

    /** Uncached, for the API's answers. */
    public SenderProfile load(String tenantId) {
        return loader.load(tenantId);
    }

    public String defaultFrom() {
        return loader.defaultFrom();
    }

    public void forget(String tenantId) {
        cache.remove(tenantId);
    }
}
