package dev.lifeline.outreach.delivery;

import java.util.function.LongSupplier;

/**
 * When the claim sweeper may take claims back: every quarter lease, and not within a full lease after this instance
 * last failed to reach the database.
 * <p>
 * Why the grace: a lease is measured against {@code claimed_at} in the database, and that clock keeps running while
 * the database is away. A sender whose mail went out during the outage can record its outcome (or confirm its claim)
 * only once the database is back, and its outcome writer retries every few seconds. Were the sweeper to run at once,
 * it would take back claims whose mails are already out, and a second copy would go. A lease of availability is what
 * a live sender is promised anyway.
 */
final class SweepSchedule {

    private final LongSupplier nanoClock;
    private boolean swept;
    private long sweptAt;
    private boolean databaseFailed;
    private long databaseFailedAt;

    SweepSchedule(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Whether to sweep now; if so, the sweep counts as done. */
    synchronized boolean due(ClaimLease lease) {
        long now = nanoClock.getAsLong();
        if (databaseFailed && now - databaseFailedAt < lease.lease().toNanos()) {
            return false;
        }
        if (swept && now - sweptAt < lease.sweepEvery().toNanos()) {
            return false;
        }
        swept = true;
        sweptAt = now;
        return true;
    }

    /** This instance could not reach the database just now. */
    synchronized void databaseFailed() {
        databaseFailed = true;
        databaseFailedAt = nanoClock.getAsLong();
    }
}
