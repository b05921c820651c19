package dev.lifeline.outreach.delivery;

import dev.lifeline.events.Channels;
import dev.lifeline.events.LifelineEvent;
import dev.lifeline.events.MalformedEventException;
import dev.lifeline.events.outreach.DeliveryBatch;
import dev.lifeline.events.outreach.DeliveryJob;
import dev.lifeline.kit.inbox.DatabaseOutage;
import dev.lifeline.kit.inbox.InboundEvent;
import dev.lifeline.outreach.run.RunLauncher;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * outreach-deliveries.v1 → sends. Batches (and single jobs) are independent, so they are processed unordered on
 * worker threads; the ledger claim, not the offset, is what prevents a second send after a redelivery or rebalance.
 */
@ApplicationScoped
public class DeliveriesConsumer {

    private static final Logger LOG = Logger.getLogger(DeliveriesConsumer.class);

    @Inject
    DeliveryWorker worker;

    @Inject
    RunLauncher launcher;

    @Incoming(Channels.DELIVERIES_IN)
    @Blocking(value = "outreach-senders", ordered = false)
    public CompletionStage<Void> consume(Message<String> message) {
        DeliveryBatch batch;
        try {
            batch = asBatch(InboundEvent.of(message).decode());
            UUID.fromString(batch.runId());
            UUID.fromString(batch.campaignId());
        } catch (RuntimeException e) {
            LOG.warnf(
                    "outreach-deliveries.v1 record rejected to the DLQ: %s",
                    e.getClass().getSimpleName());
            return message.nack(e);
        }
        CompletionStage<Void> recorded;
        try {
            recorded = DatabaseOutage.waitOut(DeliveriesConsumer.class, () -> worker.deliver(batch));
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Delivery batch of run %s failed: %s",
                    batch.runId(), e.getClass().getSimpleName());
            return message.nack(e);
        }
        // Acknowledged only once the outcomes are committed (outcomes are written in batches by OutcomeWriter).
        return recorded.handle((ok, e) -> {
                    launcher.batchDone();
                    if (e == null) {
                        return message.ack();
                    }
                    LOG.warnf(
                            "Outcomes of a delivery batch of run %s not recorded: %s",
                            batch.runId(), e.getClass().getSimpleName());
                    return message.nack(e instanceof Exception ex ? ex : new IllegalStateException(e));
                })
                .thenCompose(s -> s);
    }

    /** A single job (a delivery queued again by the sweeper or after quiet hours) is a batch of one. */
    static DeliveryBatch asBatch(LifelineEvent event) {
        if (event instanceof DeliveryBatch b) {
            return b;
        }
        if (event instanceof DeliveryJob j) {
            return new DeliveryBatch(j.tenantId(), j.runId(), j.campaignId(), j.channel(), 0, List.of(j.contactId()));
        }
        throw new MalformedEventException("Not a delivery job: " + event.eventType());
    }
}
