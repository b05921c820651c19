package dev.lifeline.contact.bulk;

import dev.lifeline.contact.consent.ConsentSource;
import dev.lifeline.contact.input.InvalidFieldException;
import dev.lifeline.contact.profile.ConsentPolicy;
import dev.lifeline.contact.profile.Contact;
import dev.lifeline.contact.profile.ContactDraft;
import dev.lifeline.contact.profile.ContactEvents;
import dev.lifeline.contact.profile.ContactInput;
import dev.lifeline.contact.profile.ContactRepository;
import dev.lifeline.contact.profile.ContactService;
import dev.lifeline.contact.tenant.Tenant;
import dev.lifeline.events.Topics;
import dev.lifeline.events.contact.ContactUpserted;
import dev.lifeline.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Upserts a chunk of imported rows with a handful of queries instead of several per row: existing contacts are
 * looked up (and locked) for the whole chunk at once, and inserts are batched. Same merge rules as the API.
 */
@ApplicationScoped
public class BulkUpserter {

    public record Row(long number, ContactInput input) {}

    public record RowError(long row, String field, String message) {}

    public record Result(int imported, int merged, List<RowError> errors) {}

    @Inject
    EntityManager em;

    @Inject
    ContactService contacts;

    @Inject
    ContactRepository repository;

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public Result apply(UUID tenantId, List<Row> rows) {
        Tenant tenant = em.find(Tenant.class, tenantId);
        List<ContactDraft> drafts = new ArrayList<>(rows.size());
        List<RowError> errors = new ArrayList<>();
        Set<String> emails = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        for (Row row : rows) {
            try {
                ContactDraft draft = ContactDraft.of(row.input(), tenant.defaultRegion);
                if (draft.email() == null && draft.phone() == null) {
                    throw new InvalidFieldException("email", "an e-mail address or a phone number is required");
                }
                drafts.add(draft);
                if (draft.email() != null) {
                    emails.add(draft.email());
                }
                if (draft.phone() != null) {
                    phones.add(draft.phone());
                }
            } catch (InvalidFieldException e) {
                drafts.add(null);
                errors.add(new RowError(row.number(), e.field(), e.getMessage()));
            }
        }
        Map<String, Contact> byEmail = new HashMap<>();
        Map<String, Contact> byPhone = new HashMap<>();
        for (Contact c : repository.lockByAddresses(tenantId, emails, phones)) {
            if (c.email != null) {
                byEmail.put(c.email, c);
            }
            if (c.phone != null) {
                byPhone.put(c.phone, c);
            }
        }
        Set<Contact> fresh = new LinkedHashSet<>();
        Set<Contact> touched = new LinkedHashSet<>();
        int merged = 0;
        Instant now = Instant.now();
        for (int i = 0; i < rows.size(); i++) {
            ContactDraft draft = drafts.get(i);
            if (draft == null) {
                continue;
            }
            Row row = rows.get(i);
            Contact e = draft.email() == null ? null : byEmail.get(draft.email());
            Contact p = draft.phone() == null ? null : byPhone.get(draft.phone());
            if (e != null && p != null && e != p) {
                errors.add(new RowError(row.number(), "phone", "belongs to another contact than the e-mail address"));
                continue;
            }
            Contact contact = e != null ? e : p;
            boolean isNew = contact == null;
            if (isNew) {
                contact = Contact.fresh(tenantId, now, row.input().source(), ConsentSource.IMPORT);
                fresh.add(contact);
            } else if (!fresh.contains(contact)) {
                merged++;
            }
            String oldEmail = contact.email;
            String oldPhone = contact.phone;
            draft.mergeInto(contact);
            try {
                String text = row.input().consentText() != null ? row.input().consentText() : tenant.consentTextEmail;
                contacts.applyGrants(
                        contact,
                        row.input().consents(),
                        new ConsentPolicy.Consent(
                                ConsentSource.importer(),
                                ConsentPolicy.Grant.ASSERTED,
                                text,
                                row.input().consentText() != null ? null : tenant.consentTextSms,
                                row.input().consentText() != null ? "import" : "tenant-v" + tenant.consentVersion),
                        now);
            } catch (InvalidFieldException ex) {
                // Rows are validated before any change, except consent that needs an address: report it, keep the rest.
                errors.add(new RowError(row.number(), ex.field(), ex.getMessage()));
            }
            if (!Objects.equals(oldEmail, contact.email) && contact.email != null) {
                byEmail.put(contact.email, contact);
            }
            if (!Objects.equals(oldPhone, contact.phone) && contact.phone != null) {
                byPhone.put(contact.phone, contact);
            }
            touched.add(contact);
        }
        List<ContactUpserted> upserted = new ArrayList<>(touched.size());
        for (Contact contact : touched) {
            contact.version++;
            contact.updatedAt = now;
            if (fresh.contains(contact)) {
                em.persist(contact);
            }
            upserted.add(ContactEvents.upsertedEvent(contact));
        }
        em.flush();
        outbox.enqueueAll(Topics.CONTACTS, upserted);
        em.clear();
        return new Result(fresh.size(), merged, errors);
    }
}
