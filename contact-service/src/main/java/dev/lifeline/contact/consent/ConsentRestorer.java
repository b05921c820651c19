package dev.lifeline.contact.consent;

import dev.lifeline.contact.consent.ConsentLedger.Action;
import dev.lifeline.contact.profile.Contact;
import dev.lifeline.contact.profile.ContactEvents;
import dev.lifeline.contact.profile.ContactRepository;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.outreach.ConsentRestored;
import dev.lifeline.kit.inbox.ProcessedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * A texted START undoes a texted STOP, and nothing else: a person who unsubscribed by link, whose number bounced, or
 * who withdrew through the business keeps their withdrawal, since START is only the carrier's opt-back-in to the
 * sending number. Applied once: the processed-event mark commits with the ledger line.
 */
@ApplicationScoped
public class ConsentRestorer {

    static final String CONSUMER = "contact-service.restorations";

    private final ProcessedEvents processed;
    private final ContactRepository contacts;
    private final ConsentLedger ledger;
    private final ContactEvents events;

    public ConsentRestorer(
            ProcessedEvents processed, ContactRepository contacts, ConsentLedger ledger, ContactEvents events) {
        this.processed = processed;
        this.contacts = contacts;
        this.ledger = ledger;
        this.events = events;
    }

    /** @return whether the channel is confirmed again */
    @Transactional
    public boolean restore(String eventId, ConsentRestored event) {
        if (!processed.firstTime(CONSUMER, eventId)) {
            return false;
        }
        Contact contact = contacts.findLive(UUID.fromString(event.tenantId()), UUID.fromString(event.contactId()), true)
                .orElse(null);
        if (contact == null
                || contact.consent(event.channel()) != ConsentStatus.WITHDRAWN
                || !ledger.last(contact, event.channel())
                        .filter(ConsentRestorer::textedStop)
                        .isPresent()) {
            return false;
        }
        contact.setConsent(event.channel(), ConsentStatus.CONFIRMED);
        ledger.append(
                contact,
                event.channel(),
                Action.CONFIRMED,
                new ConsentSource(ConsentSource.TEXTED_START, null, null),
                null,
                null,
                event.restoredAt());
        contact.version++;
        contact.updatedAt = Instant.now();
        events.upserted(contact);
        return true;
    }

    private static boolean textedStop(ConsentEvent line) {
        return Action.WITHDRAWN.wire.equals(line.action) && ConsentSource.TEXTED_STOP.equals(line.source);
    }
}
