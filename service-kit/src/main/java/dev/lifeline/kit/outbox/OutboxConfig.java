package dev.lifeline.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "lifeline.outbox")
public interface OutboxConfig {

    /** How often the relay looks for unpublished events when nothing woke it. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Events published per transaction; the relay waits for all acks of a batch before marking it. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay waits for the broker's acks before it gives the batch back and tries again. */
    @WithDefault("20s")
    Duration ackTimeout();

    /** Published events are kept this long (for audit and debugging), then deleted. */
    @WithDefault("P1D")
    Duration retention();

    /** Every topic this service publishes to through the outbox (documentation; checked by deploy/). */
    List<String> topics();
}
