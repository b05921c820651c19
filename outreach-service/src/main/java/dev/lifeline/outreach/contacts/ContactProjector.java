package dev.lifeline.outreach.contacts;

import dev.lifeline.events.contact.ContactErased;
import dev.lifeline.events.contact.ContactUpserted;
import dev.lifeline.kit.inbox.InboundEvent;
import dev.lifeline.kit.inbox.ProcessedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Applies one contacts.v1 record to outreach's tables, once. */
@ApplicationScoped
public class ContactProjector {

    static final String CONSUMER = "outreach-contacts";

    @Inject
    ProcessedEvents processed;

    @Inject
    ContactStore contacts;

    @Transactional
    public void upserted(InboundEvent in, ContactUpserted upserted) {
        if (firstTime(in)) {
            contacts.upsert(upserted);
        }
    }

    @Transactional
    public void erased(InboundEvent in, ContactErased erased) {
        if (firstTime(in)) {
            contacts.erase(erased.contactId());
        }
    }

    /** The tombstone after an erasure: purge whatever may be left under the key (erasing twice is harmless). */
    @Transactional
    public void tombstone(InboundEvent in) {
        if (in.key() != null) {
            contacts.erase(in.key());
        }
    }

    private boolean firstTime(InboundEvent in) {
        return in.id() == null || processed.firstTime(CONSUMER, in.id());
    }
}
