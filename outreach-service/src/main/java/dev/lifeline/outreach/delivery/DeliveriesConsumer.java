package dev.lifeline.outreach.delivery;

import dev.lifeline.events.Channels;
import dev.lifeline.events.LifelineEvent;
import dev.lifeline.events.MalformedEventException;
import dev.lifeline.events.outreach.DeliveryJob;
import dev.lifeline.kit.inbox.DatabaseOutage;
import dev.lifeline.kit.inbox.InboundEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletionStage;

/**
 * outreach-deliveries.v1 → sends. Jobs are independent, so they are processed unordered on worker threads; the
 * ledger claim, not the offset, is what prevents a second send after a redelivery or rebalance.
 */
@ApplicationScoped
public class DeliveriesConsumer {

    private static final Logger LOG = Logger.getLogger(DeliveriesConsumer.class);

    @Inject
    DeliveryWorker worker;

    @Incoming(Channels.DELIVERIES_IN)
    @Blocking(value = "outreach-senders", ordered = false)
    public CompletionStage<Void> consume(Message<String> message) {
        DeliveryJob job;
        try {
            LifelineEvent event = InboundEvent.of(message).decode();
            if (!(event instanceof DeliveryJob j)) {
                throw new MalformedEventException("Not a delivery job: " + event.eventType());
            }
            job = j;
            java.util.UUID.fromString(job.runId());
            java.util.UUID.fromString(job.campaignId());
        } catch (RuntimeException e) {
            LOG.warnf("outreach-deliveries.v1 record rejected to the DLQ: %s", e.getClass().getSimpleName());
            return message.nack(e);
        }
        CompletionStage<Void> recorded;
        try {
            recorded = DatabaseOutage.waitOut(() -> worker.deliver(job));
        } catch (RuntimeException e) {
            LOG.warnf("Delivery job of run %s failed: %s", job.runId(), e.getClass().getSimpleName());
            return message.nack(e);
        }
        // Acknowledged only once the outcome is committed (outcomes are written in batches by OutcomeWriter).
        return recorded.handle((ok, e) -> {
            if (e == null) {
                return message.ack();
            }
            LOG.warnf("Outcome of a delivery job of run %s not recorded: %s", job.runId(), e.getClass().getSimpleName());
            return message.nack(e instanceof Exception ex ? ex : new IllegalStateException(e));
        }).thenCompose(s -> s);
    }
}
