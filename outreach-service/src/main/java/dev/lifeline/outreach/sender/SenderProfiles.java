package dev.lifeline.outreach.sender;

import dev.lifeline.outreach.TtlCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * Each business's sender profile for the send path, which runs thousands of messages a second: read at most once per
 * {@link #TTL} per business and instance, never per message. A change made through this instance's API applies
 * at once ({@link #forget}); other instances see it within the TTL.
 */
@ApplicationScoped
public class SenderProfiles {

    static final Duration TTL = Duration.ofSeconds(5);

    @Inject
    SenderProfileLoader loader;

    /** With the database away, the profile last read is still the business's best word (keys change rarely). */
    private final TtlCache<String, SenderProfile> cache = new TtlCache<>(TTL, 10_000);

    public SenderProfile of(String tenantId) {
        return cache.get(tenantId, loader::load);
    }

    /** Uncached, for the API's answers. */
    public SenderProfile load(String tenantId) {
        return loader.load(tenantId);
    }

    public String defaultFrom() {
        return loader.defaultFrom();
    }

    public void forget(String tenantId) {
        cache.forget(tenantId);
    }
}
