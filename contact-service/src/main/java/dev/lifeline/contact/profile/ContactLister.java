package dev.lifeline.contact.profile;

import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Pages through one tenant's contacts; every query is scoped to the tenant and skips erased contacts. */
@ApplicationScoped
public class ContactLister {

    @Inject
    EntityManager em;

    public record Page(List<Contact> items, String nextCursor) {}

    public Page list(UUID tenantId, ContactQuery q) {
        StringBuilder hql = new StringBuilder("from Contact c where c.tenantId = :tenant and c.erasedAt is null");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenantId);
        if (q.after() != null) {
            hql.append(" and c.id > :after");
            params.put("after", q.after());
        }
        if (q.tag() != null) {
            hql.append(" and array_contains(c.tags, :tag)");
            params.put("tag", q.tag());
        }
        for (Map.Entry<ContactChannel, ConsentStatus> consent : q.consents().entrySet()) {
            String column = switch (consent.getKey()) {
                case EMAIL -> "consentEmail";
                case SMS -> "consentSms";
                case WHATSAPP -> "consentWhatsapp";
            };
            hql.append(" and c.").append(column).append(" = :").append(column);
            params.put(column, ConsentStates.format(consent.getValue()));
        }
        if (q.updatedSince() != null) {
            hql.append(" and c.updatedAt >= :since");
            params.put("since", q.updatedSince());
        }
        if (q.search() != null) {
            String like = "%" + escapeLike(q.search().toLowerCase(Locale.ROOT)) + "%";
            String digits = q.search().replaceAll("[^0-9]", "");
            hql.append(" and (lower(c.name) like :like escape '\\' or c.email like :like escape '\\'");
            params.put("like", like);
            if (!digits.isEmpty()) {
                hql.append(" or c.phone like :phone");
                params.put("phone", "%" + digits + "%");
            }
            hql.append(")");
        }
        hql.append(" order by c.id");
        TypedQuery<Contact> query =
                em.createQuery(hql.toString(), Contact.class).setMaxResults(q.limit() + 1);
        params.forEach(query::setParameter);
        List<Contact> found = query.getResultList();
        if (found.size() > q.limit()) {
            List<Contact> page = found.subList(0, q.limit());
            return new Page(page, ContactQuery.encode(page.get(page.size() - 1).id));
        }
        return new Page(found, null);
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
