package dev.lifeline.contact.subjectaccess;

import dev.lifeline.contact.consent.ConsentProof;
import dev.lifeline.contact.profile.ContactView;

import java.time.Instant;
import java.util.List;

/**
 * Everything Lifeline holds about one contact (GDPR art. 15), per service. {@code complete} is false when a service
 * could not be asked; its section then says so.
 */
public record SubjectAccessReport(
        String contactId,
        Instant generatedAt,
        boolean complete,
        ContactSection contactService,
        OutreachSection outreachService,
        MonitorSection monitorService) {

    /** contact-service: the contact, its consent ledger with evidence, and where it came from. */
    public record ContactSection(boolean erased, ContactView contact, ConsentProof consents, Provenance provenance) {}

    /**
     * How the contact came to be held: the source it was captured through (api, form, import, …), when, and the source
     * of every consent ledger line since, in order.
     */
    public record Provenance(
            String capturedThrough,
            Instant createdAt,
            Instant updatedAt,
            Instant erasedAt,
            List<String> ledgerSources) {}

    public record MonitorSection(boolean holdsData, String detail) {
        static final MonitorSection NONE =
                new MonitorSection(false, "monitor-service holds platforms, probes and outages only: no contact data");
    }
}
