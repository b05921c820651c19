package dev.lifeline.outreach.delivery;

import java.time.Duration;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * A claim this sender won, identified by its token. Before each send the sender asks {@link #beforeSend()}: once the
 * claim has not been confirmed for a while it is confirmed in the ledger, and if the sweeper took it back meanwhile
 * (the lease ran out) the send is abandoned, so the delivery's newer claim is the only one that sends.
 */
public final class HeldClaim {

    /** Confirms the claim in the ledger; false when the token is no longer the delivery's claim. */
    @FunctionalInterface
    public interface Confirmation {
        boolean confirm(UUID token);
    }

    /** The lease ran out and the delivery was handed on: this sender must neither send nor record an outcome. */
    public static final class Lost extends RuntimeException {
        public Lost() {
            super("claim lease expired and the delivery was taken back", null, false, false);
        }
    }

    private final UUID token;
    private final long confirmEveryNanos;
    private final Confirmation confirmation;
    private final LongSupplier nanoClock;
    private long confirmedAt;

    public HeldClaim(UUID token, Duration confirmEvery, Confirmation confirmation, LongSupplier nanoClock) {
        this(token, confirmEvery, confirmation, nanoClock, nanoClock.getAsLong());
    }

    /** @param claimedAt the nano clock's reading from before the claim was made (or last confirmed) in the ledger */
    public HeldClaim(
            UUID token, Duration confirmEvery, Confirmation confirmation, LongSupplier nanoClock, long claimedAt) {
        this.token = token;
        this.confirmEveryNanos = confirmEvery.toNanos();
        this.confirmation = confirmation;
        this.nanoClock = nanoClock;
        this.confirmedAt = claimedAt;
    }

    public UUID token() {
        return token;
    }

    /** @throws Lost when the claim is no longer this sender's */
    public void beforeSend() {
        // Read before the confirmation, so the local clock never runs ahead of the ledger's claimed_at.
        long now = nanoClock.getAsLong();
        if (now - confirmedAt < confirmEveryNanos) {
            return;
        }
        if (!confirmation.confirm(token)) {
            throw new Lost();
        }
        confirmedAt = now;
    }
}
