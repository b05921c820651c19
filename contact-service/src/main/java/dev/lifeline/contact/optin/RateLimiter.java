package dev.lifeline.contact.optin;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window counter per key (per IP, per tenant, per contact): enough to stop a script from flooding a form.
 * Per instance; with N replicas the effective limit is up to N times higher.
 */
public final class RateLimiter {

    private record Window(long start, int count) {}

    private final int limit;
    private final long windowMillis;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
    }

    /** @return empty when allowed, else the seconds until the next attempt may succeed */
    public OptionalLong acquire(String key, long nowMillis) {
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> nowMillis - e.getValue().start() >= windowMillis);
        }
        Window w = windows.compute(
                key,
                (k, old) -> old == null || nowMillis - old.start() >= windowMillis
                        ? new Window(nowMillis, 1)
                        : new Window(old.start(), old.count() + 1));
        if (w.count() <= limit) {
            return OptionalLong.empty();
        }
        long waitMillis = w.start() + windowMillis - nowMillis;
        return OptionalLong.of(Math.max(1, (waitMillis + 999) / 1000));
    }
}
