package dev.lifeline.outreach.delivery;

/**
 * A token bucket: {@code ratePerSecond} tokens a second, bursts up to {@code capacity}. {@link #reserve()} takes a
 * token and says how long the caller must wait for it (0 when one was available), so callers queue fairly.
 */
public final class TokenBucket {

    private final double ratePerNano;
    private final double capacity;
    private final java.util.function.LongSupplier clock;
    private double tokens;
    private long last;

    public TokenBucket(double ratePerSecond, double capacity, java.util.function.LongSupplier nanoClock) {
        if (ratePerSecond <= 0 || capacity < 1) {
            throw new IllegalArgumentException("rate must be positive and capacity at least 1");
        }
        this.ratePerNano = ratePerSecond / 1_000_000_000d;
        this.capacity = capacity;
        this.clock = nanoClock;
        this.tokens = capacity;
        this.last = nanoClock.getAsLong();
    }

    /** @return nanoseconds to wait before the reserved token may be used */
    public synchronized long reserve() {
        long now = clock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * ratePerNano);
        last = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / ratePerNano);
    }
}
