package dev.lifeline.outreach.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The delivery ledger's claims; defaults documented in application.properties. */
@ConfigMapping(prefix = "lifeline.delivery")
public interface DeliveryConfig {

    /**
     * How long a claim (queued → sending) stays its sender's before the sweeper takes it back and queues the delivery
     * again. Must be well above the longest single send, see {@link ClaimLease}.
     */
    @WithDefault("PT2M")
    Duration claimLease();

    /**
     * Recipients per delivery batch on outreach-deliveries.v1 (at most a second of the tenant's send rate). A batch is
     * claimed in one statement and its outcomes committed together; smaller batches spread a run over more senders.
     */
    @WithDefault("200")
    int batchSize();
}
