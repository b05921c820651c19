package dev.lifeline.outreach.contacts;

import dev.lifeline.events.Channels;
import dev.lifeline.kit.inbox.DatabaseOutage;
import dev.lifeline.kit.inbox.InboundEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletionStage;

/** contacts.v1 → outreach's contact tables, in order per contact (ordered blocking processing). */
@ApplicationScoped
public class ContactsConsumer {

    private static final Logger LOG = Logger.getLogger(ContactsConsumer.class);

    @Inject
    ContactProjector projector;

    @Incoming(Channels.CONTACTS_IN)
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        try {
            InboundEvent inbound = InboundEvent.of(message);
            DatabaseOutage.waitOut(ContactsConsumer.class, () -> projector.apply(inbound));
            return message.ack();
        } catch (RuntimeException e) {
            // The message text of a decoding error names fields only, never values.
            LOG.warnf("contacts.v1 record rejected to the DLQ: %s", e.getClass().getSimpleName());
            return message.nack(e);
        }
    }
}
