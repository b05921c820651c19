package dev.lifeline.contact.profile;

import dev.lifeline.contact.consent.ConsentEvent;
import dev.lifeline.contact.consent.ConsentLedger;
import dev.lifeline.contact.consent.ConsentLedger.Action;
import dev.lifeline.contact.consent.ConsentSource;
import dev.lifeline.contact.input.InvalidFieldException;
import dev.lifeline.contact.profile.ConsentPolicy.Consent;
import dev.lifeline.contact.tenant.Tenant;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.kit.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Creates, merges, changes and erases contacts. Each change, its ledger lines and its contacts.v1 event commit in
 * one transaction; the rules themselves are {@link ConsentPolicy}'s and {@link ContactDraft}'s.
 */
@ApplicationScoped
public class ContactService {

    @Inject
    EntityManager em;

    @Inject
    ContactRepository repository;

    @Inject
    ConsentLedger ledger;

    @Inject
    ContactEvents events;

    @Inject
    MeterRegistry metrics;

    /** @param pending channels now awaiting confirmation by the person (a confirmation e-mail is due) */
    public record Upsert(Contact contact, boolean merged, List<ContactChannel> pending) {}

    @Transactional
    public Upsert upsert(UUID tenantId, ContactInput in, Consent given) {
        Tenant tenant = em.find(Tenant.class, tenantId);
        Consent consent = given.orTenantTexts(tenant);
        ContactDraft draft = ContactDraft.of(in, tenant.defaultRegion);
        if (draft.email() == null && draft.phone() == null) {
            throw new InvalidFieldException("email", "an e-mail address or a phone number is required");
        }
        // One locked lookup for both keys: a create costs as few round trips as possible.
        List<Contact> matches = repository.lockByAddress(tenantId, draft.email(), draft.phone());
        Optional<Contact> byEmail = matches.stream()
                .filter(c -> draft.email() != null && draft.email().equals(c.email))
                .findFirst();
        Optional<Contact> byPhone = matches.stream()
                .filter(c -> draft.phone() != null && draft.phone().equals(c.phone))
                .findFirst();
        if (byEmail.isPresent() && byPhone.isPresent() && !byEmail.get().id.equals(byPhone.get().id)) {
            throw ProblemException.field(409, "phone", "belongs to another contact than the e-mail address");
        }
        Optional<Contact> existing = byEmail.or(() -> byPhone);
        Instant now = Instant.now();
        Contact contact = existing.orElseGet(
                () -> Contact.fresh(tenantId, now, in.source(), consent.source().source()));
        draft.mergeInto(contact);
        List<ContactChannel> pending = applyGrants(contact, in.consents(), consent, now);
        contact.version++;
        contact.updatedAt = now;
        if (existing.isEmpty()) {
            repository.persist(contact);
        }
        // Surfaces a unique-index race with a concurrent create here, so the caller can retry it as a merge.
        em.flush();
        events.upserted(contact);
        metrics.counter(
                        "lifeline_contacts_upserts",
                        "outcome",
                        existing.isPresent() ? "merged" : "created",
                        "source",
                        consent.source().source())
                .increment();
        return new Upsert(contact, existing.isPresent(), pending);
    }

    @Transactional
    public Contact patch(UUID tenantId, UUID contactId, ContactInput in, Consent given) {
        Contact contact = require(tenantId, contactId, true);
        Tenant tenant = em.find(Tenant.class, tenantId);
        Consent consent = given.orTenantTexts(tenant);
        ContactDraft draft = ContactDraft.of(in, tenant.defaultRegion);
        if (draft.email() != null
                && !draft.email().equals(contact.email)
                && !repository.lockByAddress(tenantId, draft.email(), null).isEmpty()) {
            throw ProblemException.field(409, "email", "belongs to another contact");
        }
        if (draft.phone() != null
                && !draft.phone().equals(contact.phone)
                && !repository.lockByAddress(tenantId, null, draft.phone()).isEmpty()) {
            throw ProblemException.field(409, "phone", "belongs to another contact");
        }
        draft.replaceInto(contact);
        Instant now = Instant.now();
        if (in.consents() != null) {
            for (ContactChannel channel : ContactChannel.values()) {
                Boolean wanted = in.consents().of(channel);
                if (Boolean.TRUE.equals(wanted)) {
                    ConsentPolicy.requireAddress(contact, channel);
                    ConsentPolicy.grant(contact, channel, consent).ifPresent(line -> append(contact, line, now));
                } else if (Boolean.FALSE.equals(wanted)) {
                    ConsentPolicy.withdraw(contact, channel, consent.source())
                            .ifPresent(line -> append(contact, line, now));
                }
            }
        }
        contact.version++;
        contact.updatedAt = now;
        em.flush();
        events.upserted(contact);
        metrics.counter(
                        "lifeline_contacts_upserts",
                        "outcome",
                        "updated",
                        "source",
                        consent.source().source())
                .increment();
        return contact;
    }

    /** Confirms the channels still pending (double opt-in link used). @return whether anything changed */
    @Transactional
    public boolean confirm(
            UUID tenantId,
            UUID contactId,
            Set<ContactChannel> channels,
            ConsentSource source,
            String text,
            String version) {
        Contact contact = require(tenantId, contactId, true);
        Instant now = Instant.now();
        boolean changed = false;
        for (ContactChannel channel : channels) {
            if (contact.consent(channel) == ConsentStatus.PENDING) {
                contact.setConsent(channel, ConsentStatus.CONFIRMED);
                // The wording confirmed is the one shown at the request, even if the tenant changed it since.
                Optional<ConsentEvent> requested = ledger.lastRequested(contact, channel);
                ledger.append(
                        contact,
                        channel,
                        Action.CONFIRMED,
                        source,
                        requested.map(r -> r.consentText).orElse(text),
                        requested.map(r -> r.consentVersion).orElse(version),
                        now);
                changed = true;
            }
        }
        if (changed) {
            contact.version++;
            contact.updatedAt = now;
            events.upserted(contact);
        }
        return changed;
    }

    /** Records a withdrawal that happened elsewhere (unsubscribe, bounce). Unknown or erased contacts are ignored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean withdrawFromOutside(
            UUID tenantId, UUID contactId, ContactChannel channel, ConsentSource source, Instant at) {
        Optional<Contact> found = repository.findLive(tenantId, contactId, true);
        Optional<ConsentPolicy.Line> line = found.flatMap(c -> ConsentPolicy.withdraw(c, channel, source));
        if (line.isEmpty()) {
            return false;
        }
        Contact contact = found.get();
        append(contact, line.get(), at);
        contact.version++;
        contact.updatedAt = Instant.now();
        events.upserted(contact);
        return true;
    }

    /** GDPR art. 17: personal data gone, the ledger stays as anonymised proof, downstream copies purged. */
    @Transactional
    public void erase(UUID tenantId, UUID contactId) {
        Contact contact = require(tenantId, contactId, true);
        Instant now = Instant.now();
        ConsentSource erasure = new ConsentSource(ConsentSource.ERASURE, null, null);
        for (ContactChannel channel : ContactChannel.values()) {
            if (contact.consent(channel) != ConsentStatus.NONE) {
                contact.setConsent(channel, ConsentStatus.WITHDRAWN);
                ledger.append(contact, channel, Action.ERASED, erasure, null, null, now);
            }
        }
        // After the ledger lines: they are encrypted with the key this destroys.
        contact.anonymise(now);
        contact.version++;
        contact.updatedAt = now;
        events.erased(contact, now);
    }

    public Contact require(UUID tenantId, UUID contactId, boolean lock) {
        return repository.findLive(tenantId, contactId, lock).orElseThrow(() -> ProblemException.notFound("Contact"));
    }

    /** Grants every channel the request ticks, with its ledger lines. @return the channels now awaiting confirmation */
    public List<ContactChannel> applyGrants(
            Contact contact, ContactInput.Consents consents, Consent consent, Instant now) {
        List<ContactChannel> pending = new ArrayList<>();
        if (consents != null) {
            for (ContactChannel channel : ContactChannel.values()) {
                if (Boolean.TRUE.equals(consents.of(channel))) {
                    // Channel by channel: an import row keeps the grants before a channel that lacks its address.
                    ConsentPolicy.requireAddress(contact, channel);
                    ConsentPolicy.grant(contact, channel, consent).ifPresent(line -> {
                        append(contact, line, now);
                        if (line.action() == Action.REQUESTED) {
                            pending.add(channel);
                        }
                    });
                }
            }
        }
        return pending;
    }

    private void append(Contact contact, ConsentPolicy.Line line, Instant at) {
        ledger.append(contact, line.channel(), line.action(), line.source(), line.text(), line.version(), at);
    }
}
