package dev.lifeline.outreach.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The delivery ledger's claims; defaults documented in application.properties. */
@ConfigMapping(prefix = "lifeline.delivery")
public interface DeliveryConfig {

    /**
     * How long a claim (queued → sending) stays its sender's before the sweeper takes it back and queues the delivery
     * again. Must be well above the longest single send, see {@code ClaimLease}.
     */
    @WithDefault("PT2M")
    Duration claimLease();

    /**
     * Recipients per delivery batch on outreach-deliveries.v1 (at most a second of the tenant's send rate). A batch is
     * claimed in one statement and its outcomes committed together; smaller batches spread a run over more senders.
     */
    @WithDefault("200")
    int batchSize();

    /**
     * Recipients of one run on the work queue at a time; the rest of the run waits in the ledger and follows as these
     * are sent (see RunFeeder). Small enough that a big run never holds the small ones behind it for long, large
     * enough to keep every sender busy.
     */
    @WithDefault("6000")
    int runWindow();

    /**
     * Recipients in a run's opening slice, the first batch it sends. Every run's opening goes onto the work queue
     * before any run's bulk, so in a storm each business reaches its first customers within seconds.
     */
    @WithDefault("5")
    int openingSlice();

    /**
     * How long an opening slice holds back every run's bulk while it waits for a sender. Bounded, so that an opening
     * whose batch was lost (its deliveries come back after the claim lease) cannot stop the bulk for longer.
     */
    @WithDefault("PT30S")
    Duration openingPriority();

    /**
     * Test sends a business may make per hour (the owner trying a campaign on themselves). Low, because the address is
     * the caller's choice: a higher limit would make Lifeline a relay for any address.
     */
    @WithDefault("20")
    int testSendsPerHour();
}
