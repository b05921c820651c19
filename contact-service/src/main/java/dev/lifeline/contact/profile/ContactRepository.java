package dev.lifeline.contact.profile;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Contacts by tenant: every query names the tenant, so another tenant's id is simply not found. */
@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, UUID> {

    /** A contact that is not erased; {@code lock} holds it until the transaction ends. */
    public Optional<Contact> findLive(UUID tenantId, UUID contactId, boolean lock) {
        if (tenantId == null || contactId == null) {
            return Optional.empty();
        }
        PanacheQuery<Contact> query = find(
                "tenantId = :tenant and id = :id and erasedAt is null",
                Parameters.with("tenant", tenantId).and("id", contactId));
        return (lock ? query.withLock(LockModeType.PESSIMISTIC_WRITE) : query).singleResultOptional();
    }

    /** Erased contacts included: the proof of consent outlives the personal data. */
    public Optional<Contact> findIncludingErased(UUID tenantId, UUID contactId) {
        if (tenantId == null || contactId == null) {
            return Optional.empty();
        }
        return find(
                        "tenantId = :tenant and id = :id",
                        Parameters.with("tenant", tenantId).and("id", contactId))
                .singleResultOptional();
    }

    /** Locked contacts holding the e-mail address or the phone number (null matches nothing): one round trip. */
    public List<Contact> lockByAddress(UUID tenantId, String email, String phone) {
        return lockByAddresses(
                tenantId, email == null ? List.of() : List.of(email), phone == null ? List.of() : List.of(phone));
    }

    /** Locked contacts holding any of the e-mail addresses or phone numbers. */
    public List<Contact> lockByAddresses(UUID tenantId, Collection<String> emails, Collection<String> phones) {
        if (emails.isEmpty() && phones.isEmpty()) {
            return List.of();
        }
        // An empty IN list is not valid SQL; "" is never a stored address.
        return find(
                        "tenantId = :tenant and (email in :emails or phone in :phones)",
                        Parameters.with("tenant", tenantId)
                                .and("emails", emails.isEmpty() ? List.of("") : emails)
                                .and("phones", phones.isEmpty() ? List.of("") : phones))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /**
     * Live contacts, and per channel how many are in each consent state, in one scan of the tenant's rows (HQL's
     * {@code filter} clauses): erased contacts count nowhere.
     */
    public ContactCounts counts(UUID tenantId) {
        List<String> states = List.of("none", "pending", "confirmed", "withdrawn");
        List<String> columns = List.of("consentEmail", "consentSms", "consentWhatsapp");
        StringBuilder select = new StringBuilder("select count(c)");
        for (String column : columns) {
            for (String state : states) {
                select.append(", count(c) filter (where c.")
                        .append(column)
                        .append(" = '")
                        .append(state)
                        .append("')");
            }
        }
        Object[] row = getEntityManager()
                .createQuery(
                        select + " from Contact c where c.tenantId = :tenant and c.erasedAt is null", Object[].class)
                .setParameter("tenant", tenantId)
                .getSingleResult();
        Map<String, Map<String, Long>> channels = new LinkedHashMap<>();
        List<String> names = List.of("email", "sms", "whatsapp");
        for (int c = 0; c < names.size(); c++) {
            Map<String, Long> byState = new LinkedHashMap<>();
            for (int s = 0; s < states.size(); s++) {
                byState.put(states.get(s), (Long) row[1 + c * states.size() + s]);
            }
            channels.put(names.get(c), byState);
        }
        return new ContactCounts((Long) row[0], channels);
    }
}
