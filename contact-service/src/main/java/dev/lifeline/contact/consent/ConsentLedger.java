package dev.lifeline.contact.consent;

import dev.lifeline.contact.profile.ConsentStates;
import dev.lifeline.contact.profile.Contact;
import dev.lifeline.events.contact.ContactChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Appends to the consent ledger and reads it back. There is deliberately no way to change or remove a line, which is
 * why this is not a Panache repository: that interface would hand every caller {@code delete} and {@code update}.
 */
@ApplicationScoped
public class ConsentLedger {

    @Inject
    EntityManager em;

    public enum Action {
        REQUESTED("requested"),
        GRANTED("granted"),
        CONFIRMED("confirmed"),
        WITHDRAWN("withdrawn"),
        SINGLE_OPT_IN("single-opt-in"),
        ERASED("erased");

        public final String wire;

        Action(String wire) {
            this.wire = wire;
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(
            Contact contact,
            ContactChannel channel,
            Action action,
            ConsentSource source,
            String consentText,
            String consentVersion,
            Instant at) {
        ConsentEvent event = new ConsentEvent();
        event.tenantId = contact.tenantId;
        event.contactId = contact.id;
        event.channel = ConsentStates.name(channel);
        event.action = action.wire;
        event.status = ConsentStates.format(contact.consent(channel));
        event.source = source.source();
        event.occurredAt = at;
        event.ipEncrypted = EvidenceCipher.encrypt(contact.evidenceKey, source.ip());
        event.userAgentEncrypted = EvidenceCipher.encrypt(contact.evidenceKey, truncate(source.userAgent()));
        event.consentText = consentText;
        event.consentVersion = consentVersion;
        em.persist(event);
    }

    public List<ConsentEvent> of(Contact contact) {
        return em.createQuery(
                        "from ConsentEvent e where e.tenantId = :tenant and e.contactId = :contact order by e.id",
                        ConsentEvent.class)
                .setParameter("tenant", contact.tenantId)
                .setParameter("contact", contact.id)
                .getResultList();
    }

    /**
     * The latest {@code requested} line of a channel: a confirmation confirms the wording shown at the request, not
     * whatever the tenant's text has become since.
     */
    public Optional<ConsentEvent> lastRequested(Contact contact, ContactChannel channel) {
        return em.createQuery(
                        "from ConsentEvent e where e.tenantId = :tenant and e.contactId = :contact "
                                + "and e.channel = :channel and e.action = :action order by e.id desc",
                        ConsentEvent.class)
                .setParameter("tenant", contact.tenantId)
                .setParameter("contact", contact.id)
                .setParameter("channel", ConsentStates.name(channel))
                .setParameter("action", Action.REQUESTED.wire)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** The latest line of a channel, whatever its action. */
    public Optional<ConsentEvent> last(Contact contact, ContactChannel channel) {
        return em.createQuery(
                        "from ConsentEvent e where e.tenantId = :tenant and e.contactId = :contact "
                                + "and e.channel = :channel order by e.id desc",
                        ConsentEvent.class)
                .setParameter("tenant", contact.tenantId)
                .setParameter("contact", contact.id)
                .setParameter("channel", ConsentStates.name(channel))
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    private static String truncate(String userAgent) {
        return userAgent == null || userAgent.length() <= 512 ? userAgent : userAgent.substring(0, 512);
    }
}
