package dev.lifeline.contact.profile;

import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ContactErased;
import dev.lifeline.events.contact.ContactUpserted;
import dev.lifeline.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/** Announces contact changes on contacts.v1 through the outbox, in the caller's transaction. */
@ApplicationScoped
public class ContactEvents {

    @Inject
    Outbox outbox;

    public void upserted(Contact c) {
        outbox.enqueue(Topics.CONTACTS, upsertedEvent(c));
    }

    public static ContactUpserted upsertedEvent(Contact c) {
        return new ContactUpserted(
                c.tenantId.toString(),
                c.id.toString(),
                c.version,
                c.name,
                c.email,
                c.phone,
                c.locale,
                c.timeZone,
                c.tagList(),
                c.channelOrderList(),
                c.consents(),
                c.updatedAt);
    }

    /** {@code contact.erased}, then a tombstone so that compaction drops every earlier record of the contact. */
    public void erased(Contact c, Instant at) {
        outbox.enqueue(Topics.CONTACTS, new ContactErased(c.tenantId.toString(), c.id.toString(), at));
        outbox.enqueueTombstone(Topics.CONTACTS, c.id.toString());
    }
}
