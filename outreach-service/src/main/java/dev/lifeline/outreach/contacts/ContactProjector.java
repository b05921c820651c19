package dev.lifeline.outreach.contacts;

import dev.lifeline.events.LifelineEvent;
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
    public void apply(InboundEvent in) {
        if (in.data() == null) {
            // Tombstone after an erasure: purge whatever may be left under the key.
            if (in.key() != null) {
                contacts.erase(in.key());
            }
            return;
        }
        LifelineEvent event = in.decode();
        if (in.id() != null && !processed.firstTime(CONSUMER, in.id())) {
            return;
        }
        if (event instanceof ContactUpserted upserted) {
            contacts.upsert(upserted);
        } else if (event instanceof ContactErased erased) {
            contacts.erase(erased.contactId());
        }
    }
}
