package dev.lifeline.outreach.delivery;

import java.util.function.LongSupplier;

/**
 * One instance's side of a shared token bucket: takes tokens from the database in grants of a tenth of a second's
 * worth and hands them out one by one, spaced at the rate, so N instances together send at the bucket's rate and
 * never in bursts of more than one grant. {@link #reserve()} says when the caller may send.
 */
public final class SharedBucket {

    /** Takes {@code n} tokens; answers the tokens left, negative when the grant is earned only in the future. */
    @FunctionalInterface
    public interface Grants {
        double take(double ratePerSecond, double burst, int n);
    }

    private final double ratePerSecond;
    private final int grant;
    private final long interval;
    private final Grants grants;
    private final LongSupplier nanoClock;
    private int left;
    private long next;

    public SharedBucket(double ratePerSecond, Grants grants, LongSupplier nanoClock) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        this.ratePerSecond = ratePerSecond;
        this.grant = (int) Math.max(1, Math.round(ratePerSecond / 10));
        this.interval = (long) (1_000_000_000d / ratePerSecond);
        this.grants = grants;
        this.nanoClock = nanoClock;
        this.next = nanoClock.getAsLong();
    }

    /** @return the {@code nanoClock} time at which the caller may use its token (now or later) */
    public synchronized long reserve() {
        if (left == 0) {
            // The burst is one grant: a bucket idle for long lets at most a tenth of a second's worth out at once.
            double tokens = grants.take(ratePerSecond, grant, grant);
            long now = nanoClock.getAsLong();
            long earnedAt = now + (tokens < 0 ? (long) (-tokens / ratePerSecond * 1e9) : 0);
            // The grant's last token is earned at earnedAt, the ones before it one interval apart.
            next = Math.max(Math.max(next, now), earnedAt - (grant - 1) * interval);
            left = grant;
        }
        long at = next;
        next += interval;
        left--;
        return at;
    }
}
