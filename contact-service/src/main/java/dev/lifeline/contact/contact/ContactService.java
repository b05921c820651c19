package dev.lifeline.contact.contact;

import dev.lifeline.contact.consent.ConsentEvent;
import dev.lifeline.contact.consent.ConsentLedger;
import dev.lifeline.contact.consent.ConsentLedger.Action;
import dev.lifeline.contact.consent.ConsentSource;
import dev.lifeline.contact.consent.EvidenceCipher;
import dev.lifeline.contact.tenant.Tenant;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.kit.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Creates, merges, changes and erases contacts. Each change, its ledger lines and its contacts.v1 event commit in
 * one transaction.
 */
@ApplicationScoped
public class ContactService {

    @Inject
    EntityManager em;
    @Inject
    ConsentLedger ledger;
    @Inject
    ContactEvents events;
    @Inject
    MeterRegistry metrics;

    /** How a consent given on this path is recorded. */
    public enum Grant {
        /** The business asserts the person agreed (API, import): confirmed at once. */
        ASSERTED,
        /** Hosted form of a double opt-in tenant: pending until the e-mailed link is used. */
        DOUBLE_OPT_IN,
        /** Hosted form of a single opt-in tenant: confirmed, recording that the tenant chose single opt-in. */
        SINGLE_OPT_IN
    }

    /** @param pending channels now awaiting confirmation by the person (a confirmation e-mail is due) */
    public record Upsert(Contact contact, boolean merged, List<ContactChannel> pending) {
    }

    /** @param smsText wording shown beside the SMS box, when it differs from {@code text} */
    public record Consent(ConsentSource source, Grant grant, String text, String smsText, String version) {

        public Consent(ConsentSource source, Grant grant, String text, String version) {
            this(source, grant, text, null, version);
        }

        /** No wording of its own: the tenant's current consent texts, and their version, are what was agreed to. */
        Consent orTenantTexts(Tenant tenant) {
            return text != null ? this : new Consent(source, grant, tenant.consentTextEmail, tenant.consentTextSms,
                    "tenant-v" + tenant.consentVersion);
        }

        String textFor(ContactChannel channel) {
            return channel == ContactChannel.EMAIL || smsText == null ? text : smsText;
        }
    }

    @Transactional
    public Upsert upsert(UUID tenantId, ContactInput in, Consent given) {
        Tenant tenant = em.find(Tenant.class, tenantId);
        Consent consent = given.orTenantTexts(tenant);
        ContactDraft draft = ContactDraft.of(in, tenant.defaultRegion);
        if (draft.email() == null && draft.phone() == null) {
            throw new InvalidFieldException("email", "an e-mail address or a phone number is required");
        }
        // One locked lookup for both keys: a create costs as few round trips as possible.
        List<Contact> matches = em.createQuery("from Contact c where c.tenantId = ?1 and (c.email = ?2 or c.phone = ?3)", Contact.class)
                .setParameter(1, tenantId).setParameter(2, draft.email() == null ? "" : draft.email())
                .setParameter(3, draft.phone() == null ? "" : draft.phone())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Optional<Contact> byEmail = matches.stream().filter(c -> draft.email() != null && draft.email().equals(c.email)).findFirst();
        Optional<Contact> byPhone = matches.stream().filter(c -> draft.phone() != null && draft.phone().equals(c.phone)).findFirst();
        if (byEmail.isPresent() && byPhone.isPresent() && !byEmail.get().id.equals(byPhone.get().id)) {
            throw ProblemException.field(409, "phone", "belongs to another contact than the e-mail address");
        }
        Optional<Contact> existing = byEmail.or(() -> byPhone);
        Instant now = Instant.now();
        Contact contact = existing.orElseGet(() -> newContact(tenantId, now, in.source(), consent.source().source()));
        draft.mergeInto(contact);
        List<ContactChannel> pending = applyGrants(contact, in.consents(), consent, now);
        contact.version++;
        contact.updatedAt = now;
        if (existing.isEmpty()) {
            em.persist(contact);
        }
        // Surfaces a unique-index race with a concurrent create here, so the caller can retry it as a merge.
        em.flush();
        events.upserted(contact);
        metrics.counter("lifeline_contacts_upserts", "outcome", existing.isPresent() ? "merged" : "created",
                "source", consent.source().source()).increment();
        return new Upsert(contact, existing.isPresent(), pending);
    }

    @Transactional
    public Contact patch(UUID tenantId, UUID contactId, ContactInput in, Consent given) {
        Contact contact = require(tenantId, contactId, true);
        Tenant tenant = em.find(Tenant.class, tenantId);
        Consent consent = given.orTenantTexts(tenant);
        ContactDraft draft = ContactDraft.of(in, tenant.defaultRegion);
        if (draft.email() != null && !draft.email().equals(contact.email)) {
            findBy(tenantId, "email", draft.email()).ifPresent(other -> {
                throw ProblemException.field(409, "email", "belongs to another contact");
            });
        }
        if (draft.phone() != null && !draft.phone().equals(contact.phone)) {
            findBy(tenantId, "phone", draft.phone()).ifPresent(other -> {
                throw ProblemException.field(409, "phone", "belongs to another contact");
            });
        }
        draft.replaceInto(contact);
        Instant now = Instant.now();
        if (in.consents() != null) {
            for (ContactChannel channel : ContactChannel.values()) {
                Boolean wanted = in.consents().of(channel);
                if (Boolean.TRUE.equals(wanted)) {
                    requireAddress(contact, channel);
                    grant(contact, channel, consent, now);
                } else if (Boolean.FALSE.equals(wanted)) {
                    withdraw(contact, channel, consent.source(), now);
                }
            }
        }
        contact.version++;
        contact.updatedAt = now;
        em.flush();
        events.upserted(contact);
        metrics.counter("lifeline_contacts_upserts", "outcome", "updated", "source", consent.source().source()).increment();
        return contact;
    }

    /** Confirms the channels still pending (double opt-in link used). @return whether anything changed */
    @Transactional
    public boolean confirm(UUID tenantId, UUID contactId, Set<ContactChannel> channels, ConsentSource source,
            String text, String version) {
        Contact contact = require(tenantId, contactId, true);
        Instant now = Instant.now();
        boolean changed = false;
        for (ContactChannel channel : channels) {
            if (contact.consent(channel) == ConsentStatus.PENDING) {
                contact.setConsent(channel, ConsentStatus.CONFIRMED);
                // The wording confirmed is the one shown at the request, even if the tenant changed it since.
                Optional<ConsentEvent> requested = ledger.lastRequested(contact, channel);
                ledger.append(contact, channel, Action.CONFIRMED, source,
                        requested.map(r -> r.consentText).orElse(text),
                        requested.map(r -> r.consentVersion).orElse(version), now);
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
    public boolean withdrawFromOutside(UUID tenantId, UUID contactId, ContactChannel channel, ConsentSource source, Instant at) {
        Optional<Contact> found = find(tenantId, contactId, true);
        if (found.isEmpty() || !withdraw(found.get(), channel, source, at)) {
            return false;
        }
        Contact contact = found.get();
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
        contact.name = null;
        contact.email = null;
        contact.phone = null;
        contact.locale = null;
        contact.timeZone = null;
        contact.channelOrder = null;
        contact.tags = new String[0];
        contact.attributes = null;
        contact.source = null;
        // Crypto-shredding: the IPs and user agents in the ledger can no longer be read.
        contact.evidenceKey = null;
        contact.erasedAt = now;
        contact.version++;
        contact.updatedAt = now;
        events.erased(contact, now);
    }

    public Contact require(UUID tenantId, UUID contactId, boolean lock) {
        return find(tenantId, contactId, lock).orElseThrow(() -> ProblemException.notFound("Contact"));
    }

    /** Tenant-scoped: another tenant's id is simply not found. */
    public Optional<Contact> find(UUID tenantId, UUID contactId, boolean lock) {
        if (tenantId == null || contactId == null) {
            return Optional.empty();
        }
        var query = em.createQuery("from Contact c where c.tenantId = ?1 and c.id = ?2 and c.erasedAt is null", Contact.class)
                .setParameter(1, tenantId).setParameter(2, contactId);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }

    /** Tenant-scoped, erased contacts included: the proof of consent outlives the personal data. */
    public Optional<Contact> findIncludingErased(UUID tenantId, UUID contactId) {
        if (tenantId == null || contactId == null) {
            return Optional.empty();
        }
        return em.createQuery("from Contact c where c.tenantId = ?1 and c.id = ?2", Contact.class)
                .setParameter(1, tenantId).setParameter(2, contactId).getResultStream().findFirst();
    }

    private Optional<Contact> findBy(UUID tenantId, String field, String value) {
        return em.createQuery("from Contact c where c.tenantId = ?1 and c." + field + " = ?2", Contact.class)
                .setParameter(1, tenantId).setParameter(2, value)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    public static Contact newContact(UUID tenantId, Instant now, String source, String defaultSource) {
        Contact contact = new Contact();
        contact.id = UUID.randomUUID();
        contact.tenantId = tenantId;
        contact.createdAt = now;
        contact.source = source != null ? source : defaultSource;
        contact.evidenceKey = EvidenceCipher.newKey();
        return contact;
    }

    private static void requireAddress(Contact contact, ContactChannel channel) {
        boolean reachable = channel == ContactChannel.EMAIL ? contact.email != null : contact.phone != null;
        if (!reachable) {
            throw new InvalidFieldException("consents." + ConsentStates.name(channel),
                    channel == ContactChannel.EMAIL ? "needs an e-mail address" : "needs a phone number");
        }
    }

    /** Grants every channel the request ticks. @return the channels now awaiting the person's confirmation */
    public List<ContactChannel> applyGrants(Contact contact, ContactInput.Consents consents, Consent consent, Instant now) {
        List<ContactChannel> pending = new ArrayList<>();
        if (consents != null) {
            for (ContactChannel channel : ContactChannel.values()) {
                if (Boolean.TRUE.equals(consents.of(channel))) {
                    requireAddress(contact, channel);
                    if (grant(contact, channel, consent, now)) {
                        pending.add(channel);
                    }
                }
            }
        }
        return pending;
    }

    /** @return true when the channel now awaits confirmation by the person */
    private boolean grant(Contact contact, ContactChannel channel, Consent consent, Instant now) {
        ConsentStatus current = contact.consent(channel);
        if (current == ConsentStatus.CONFIRMED) {
            return false;
        }
        switch (consent.grant()) {
            case ASSERTED -> {
                contact.setConsent(channel, ConsentStatus.CONFIRMED);
                ledger.append(contact, channel, Action.GRANTED, consent.source(), consent.textFor(channel), consent.version(), now);
                return false;
            }
            case SINGLE_OPT_IN -> {
                contact.setConsent(channel, ConsentStatus.CONFIRMED);
                ledger.append(contact, channel, Action.SINGLE_OPT_IN, consent.source(), consent.textFor(channel), consent.version(), now);
                return false;
            }
            default -> {
                contact.setConsent(channel, ConsentStatus.PENDING);
                ledger.append(contact, channel, Action.REQUESTED, consent.source(), consent.textFor(channel), consent.version(), now);
                return true;
            }
        }
    }

    private boolean withdraw(Contact contact, ContactChannel channel, ConsentSource source, Instant at) {
        ConsentStatus current = contact.consent(channel);
        if (current != ConsentStatus.CONFIRMED && current != ConsentStatus.PENDING) {
            return false;
        }
        contact.setConsent(channel, ConsentStatus.WITHDRAWN);
        ledger.append(contact, channel, Action.WITHDRAWN, source, null, null, at);
        return true;
    }

    static Map<String, Object> mergedAttributes(Map<String, Object> current, Map<String, Object> added) {
        Map<String, Object> merged = new LinkedHashMap<>(current == null ? Map.of() : current);
        merged.putAll(added);
        return merged;
    }

    static String[] union(String[] current, List<String> added) {
        Set<String> all = new LinkedHashSet<>(current == null ? List.of() : List.of(current));
        all.addAll(added);
        return all.toArray(String[]::new);
    }
}
