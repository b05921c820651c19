package dev.lifeline.outreach.contacts;

import dev.lifeline.events.Channels;
import dev.lifeline.events.LifelineEvent;
import dev.lifeline.events.contact.ContactErased;
import dev.lifeline.events.contact.ContactUpserted;
import dev.lifeline.kit.inbox.DatabaseOutage;
import dev.lifeline.kit.inbox.EventHandlers;
import dev.lifeline.kit.inbox.InboundEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * contacts.v1 → outreach's contact tables, a poll's worth of records per transaction (ordered blocking processing,
 * so in order per contact): a 100,000-row import arrives as 100,000 events, and one statement per event left the
 * projection minutes behind the import. A batch that cannot be read or applied as a whole goes record by record
 * through the usual skeleton, so only the bad record reaches the dead-letter topic.
 */
@ApplicationScoped
public class ContactsConsumer {

    private final EventHandlers handlers;
    private final ContactProjector projector;

    public ContactsConsumer(ContactProjector projector) {
        this.projector = projector;
        this.handlers = EventHandlers.of(ContactsConsumer.class)
                .on(ContactUpserted.class, projector::upserted)
                .on(ContactErased.class, projector::erased)
                .onTombstone(projector::tombstone);
    }

    @Incoming(Channels.CONTACTS_IN)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        try {
            List<ContactProjector.Item> items =
                    new ArrayList<>(batch.getRecords().size());
            for (KafkaRecord<String, String> record : batch.getRecords()) {
                InboundEvent in = InboundEvent.of(record);
                LifelineEvent event = in.isTombstone() ? null : in.decode();
                items.add(new ContactProjector.Item(in, event));
            }
            DatabaseOutage.waitOut(ContactsConsumer.class, () -> projector.applyAll(items));
        } catch (RuntimeException e) {
            for (KafkaRecord<String, String> record : batch.getRecords()) {
                handlers.handle(record).toCompletableFuture().join();
            }
        }
        return batch.ack();
    }
}
