package dev.lifeline.outreach.contacts;

import dev.lifeline.events.Channels;
import dev.lifeline.events.contact.ContactErased;
import dev.lifeline.events.contact.ContactUpserted;
import dev.lifeline.kit.inbox.EventHandlers;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** contacts.v1 → outreach's contact tables, in order per contact (ordered blocking processing). */
@ApplicationScoped
public class ContactsConsumer {

    private final EventHandlers handlers;

    public ContactsConsumer(ContactProjector projector) {
        this.handlers = EventHandlers.of(ContactsConsumer.class)
                .on(ContactUpserted.class, projector::upserted)
                .on(ContactErased.class, projector::erased)
                .onTombstone(projector::tombstone);
    }

    @Incoming(Channels.CONTACTS_IN)
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return handlers.handle(message);
    }
}
