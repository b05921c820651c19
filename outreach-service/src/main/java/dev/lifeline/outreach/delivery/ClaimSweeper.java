package dev.lifeline.outreach.delivery;

import dev.lifeline.events.Topics;
import dev.lifeline.events.outreach.DeliveryJob;
import dev.lifeline.kit.inbox.DatabaseOutage;
import dev.lifeline.kit.outbox.Outbox;
import dev.lifeline.outreach.config.DeliveryConfig;
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

    private final SweepSchedule schedule = new SweepSchedule(System::nanoTime);

    /** Sweeps when a quarter lease has passed since the last sweep (see {@link SweepSchedule}). */
    public void sweepIfDue() {
        if (!schedule.due(new ClaimLease(config.claimLease()))) {
            return;
        }
        // ArC intercepts self-invocation, so each sweep() is its own transaction.
        while (sweep() == BATCH) {
            // more expired claims than one batch: go on
        }
    }

    /**
     * Whatever failed in this instance's periodic loop (which also runs the sweeps): a database outage holds the
     * sweeper back, see {@link SweepSchedule}.
     */
    public void failed(RuntimeException failure) {
        if (DatabaseOutage.isCause(failure)) {
            schedule.databaseFailed();
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
        List<DeliveryJob> jobs = expired.stream()
                .filter(e -> e.cancellation().isEmpty())
                .map(ExpiredClaim::job)
                .flatMap(Optional::stream)
                .toList();
        outbox.enqueueAll(Topics.OUTREACH_DELIVERIES, jobs);
        long cancelled =
                expired.stream().filter(e -> e.cancellation().isPresent()).count();
        metrics.counter("lifeline_outreach_claims_expired_total", "outcome", "queued")
                .increment(expired.size() - cancelled);
        metrics.counter("lifeline_outreach_claims_expired_total", "outcome", "cancelled")
                .increment(cancelled);
        LOG.infof(
                "Claim lease expired for %d deliveries (sender crashed?): %d queued again, %d cancelled",
                expired.size(), expired.size() - cancelled, cancelled);
        return expired.size();
    }
}
