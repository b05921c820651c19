package dev.lifeline.outreach.delivery;

import java.time.Duration;
import java.util.UUID;

/**
 * The lease on a claim, and the two rhythms derived from it.
 * <p>
 * A sender confirms its claim (moves {@code claimed_at} to now, only if the claim is still its own) right before a
 * send once a quarter of the lease has passed since the last confirmation. So from the last confirmation to the end
 * of a send there is at most a quarter lease plus one send, and a live sender that is merely slow is never taken over
 * as long as a single send stays below three quarters of the lease. That is why the lease must be well above the
 * longest single send: {@code quarkus.mailer.timeout} (30 s), Twilio and webhook calls (5 s connect + 10 s): the
 * default PT2M leaves 90 s for a send that gives up after 30 s. Retries and their backoff do not count against it:
 * each retry confirms again before it sends.
 * <p>
 * The sweeper looks every quarter lease, so a crashed sender's delivery is queued again between one and one and a
 * quarter leases after its claim.
 */
public record ClaimLease(Duration lease) {

    public ClaimLease {
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("lifeline.delivery.claim-lease must be at least PT1S, was " + lease);
        }
    }

    public Duration confirmEvery() {
        return lease.dividedBy(4);
    }

    public Duration sweepEvery() {
        return lease.dividedBy(4);
    }

    public HeldClaim hold(UUID token, HeldClaim.Confirmation confirmation) {
        return new HeldClaim(token, confirmEvery(), confirmation, System::nanoTime);
    }

    /**
     * A claim made at {@code claimedAtNanos} ({@link System#nanoTime()} read before the claim statement), held by a
     * sender that reaches it only later, as the last rows of a batch: its age counts from the claim, not from now.
     */
    public HeldClaim hold(UUID token, long claimedAtNanos, HeldClaim.Confirmation confirmation) {
        return new HeldClaim(token, confirmEvery(), confirmation, System::nanoTime, claimedAtNanos);
    }
}
