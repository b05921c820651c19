package dev.lifeline.contact.consent;

import dev.lifeline.contact.web.Ids;
import dev.lifeline.events.Channels;
import dev.lifeline.events.LifelineEvent;
import dev.lifeline.events.MalformedEventException;
import dev.lifeline.events.outreach.ConsentWithdrawn;
import dev.lifeline.events.outreach.WithdrawalReason;
import dev.lifeline.kit.inbox.DatabaseOutage;
import dev.lifeline.kit.inbox.InboundEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletionStage;

/**
 * Unsubscribes, hard bounces and spam complaints reported by outreach-service become ledger lines and a new contact state. A record
 * that is not a valid withdrawal goes to the dead-letter topic instead of blocking the partition.
 */
@ApplicationScoped
public class WithdrawalConsumer {

    private static final Logger LOG = Logger.getLogger(WithdrawalConsumer.class);

    @Inject
    WithdrawalRecorder recorder;

    @Incoming(Channels.WITHDRAWALS_IN)
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        try {
            InboundEvent inbound = InboundEvent.of(message);
            if (inbound.isTombstone()) {
                return message.ack();
            }
            LifelineEvent event = inbound.decode();
            if (!(event instanceof ConsentWithdrawn withdrawn)) {
                throw new MalformedEventException("Expected a consent.withdrawn event, got " + inbound.type());
            }
            if (Ids.parse(withdrawn.tenantId()) == null || Ids.parse(withdrawn.contactId()) == null) {
                throw new MalformedEventException("tenantId and contactId must be UUIDs");
            }
            String source = sourceOf(withdrawn.reason());
            DatabaseOutage.waitOut(WithdrawalConsumer.class, () -> recorder.record(inbound.id(), withdrawn, source));
            return message.ack();
        } catch (MalformedEventException e) {
            LOG.warnf("Withdrawal record rejected to the DLQ: %s", e.getMessage());
            return message.nack(e);
        }
    }

    /** The ledger line's source: a complaint stays a complaint, so the business can tell it from an unsubscribe. */
    static String sourceOf(WithdrawalReason reason) {
        return switch (reason) {
            case UNSUBSCRIBE -> ConsentSource.UNSUBSCRIBE;
            case HARD_BOUNCE -> ConsentSource.BOUNCE;
            case COMPLAINT -> ConsentSource.COMPLAINT;
        };
    }
}
