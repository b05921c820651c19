package dev.lifeline.contact.consent;

import dev.lifeline.contact.profile.ContactService;
import dev.lifeline.events.outreach.ConsentWithdrawn;
import dev.lifeline.events.outreach.WithdrawalReason;
import dev.lifeline.kit.inbox.ProcessedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Applies one withdrawal exactly once: the processed-event mark commits with the ledger line. */
@ApplicationScoped
public class WithdrawalRecorder {

    static final String CONSUMER = "contact-service.withdrawals";

    @Inject
    ProcessedEvents processed;

    @Inject
    ContactService contacts;

    /** How the ledger names the withdrawal's origin. */
    static String source(WithdrawalReason reason) {
        return switch (reason) {
            case HARD_BOUNCE -> ConsentSource.BOUNCE;
            case TEXTED_STOP -> ConsentSource.TEXTED_STOP;
            case UNSUBSCRIBE -> ConsentSource.UNSUBSCRIBE;
            case COMPLAINT -> ConsentSource.COMPLAINT;
        };
    }

    @Transactional
    public boolean record(String eventId, ConsentWithdrawn event, String source) {
        if (!processed.firstTime(CONSUMER, eventId)) {
            return false;
        }
        return contacts.withdrawFromOutside(
                UUID.fromString(event.tenantId()),
                UUID.fromString(event.contactId()),
                event.channel(),
                new ConsentSource(source, event.ip(), event.userAgent()),
                event.withdrawnAt());
    }
}
