package dev.lifeline.outreach.delivery;

import dev.lifeline.events.Topics;
import dev.lifeline.events.outreach.DeliveryJob;
import dev.lifeline.kit.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;

/**
 * Takes back deliveries whose claim lease ran out (their sender crashed between claim and outcome) and gets them sent
 * after all: in one transaction each goes back to {@code queued} and a fresh delivery job goes into the outbox, so
 * the normal sender path claims it and checks consent, erasure and quiet hours as for any queued delivery. Safe with
 * several instances: rows are locked with {@code skip locked}, and a row released by one sweeper no longer matches.
 * Run from the run launcher's loop, the service's one periodic worker.
 */
@ApplicationScoped
public class ClaimSweeper {

    private static final Logger LOG = Logger.getLogger(ClaimSweeper.class);
    static final int BATCH = 1000;

    @Inject
    DeliveryStore deliveries;
    @Inject
    Outbox outbox;
    @Inject
    DeliveryConfig config;
    @Inject
    MeterRegistry metrics;

    private long sweptAt;
    private boolean swept;
    private long databaseAwayAt;
    private boolean databaseWasAway;

    /**
     * The database was away just now. A claim whose lease runs out meanwhile is not a crashed sender's: its sender
     * could neither confirm it nor record its outcome (the outcome writer waits the outage out, and the mail may be
     * out already). So sweeps wait until a lease has passed since the database was last seen away: live senders
     * confirm or finish their claims first, and what is left after that is a crashed sender's. Launcher thread only.
     */
    public void databaseAway() {
        databaseAwayAt = System.nanoTime();
        databaseWasAway = true;
    }

    /** Sweeps when a quarter lease has passed since the last sweep; only the launcher thread calls it. */
    public void sweepIfDue() {
        ClaimLease lease = new ClaimLease(config.claimLease());
        long now = System.nanoTime();
        if (swept && now - sweptAt < lease.sweepEvery().toNanos()) {
            return;
        }
        if (databaseWasAway && now - databaseAwayAt < lease.lease().toNanos()) {
            return;
        }
        swept = true;
        sweptAt = now;
        // ArC intercepts self-invocation, so each sweep() is its own transaction.
        while (sweep() == BATCH) {
            // more expired claims than one batch: go on
        }
    }

    /** @return how many expired claims were released (queued again or cancelled) */
    @Transactional
    public int sweep() {
        List<ExpiredClaim> expired = deliveries.lockExpiredClaims(config.claimLease(), BATCH);
        if (expired.isEmpty()) {
            return 0;
        }
        deliveries.release(expired);
        List<DeliveryJob> jobs = expired.stream().filter(e -> e.cancellation().isEmpty())
                .map(ExpiredClaim::job).flatMap(Optional::stream).toList();
        outbox.enqueueAll(Topics.OUTREACH_DELIVERIES, jobs);
        long cancelled = expired.stream().filter(e -> e.cancellation().isPresent()).count();
        metrics.counter("lifeline_outreach_claims_expired_total", "outcome", "queued").increment(expired.size() - cancelled);
        metrics.counter("lifeline_outreach_claims_expired_total", "outcome", "cancelled").increment(cancelled);
        LOG.infof("Claim lease expired for %d deliveries (sender crashed?): %d queued again, %d cancelled",
                expired.size(), expired.size() - cancelled, cancelled);
        return expired.size();
    }
}
