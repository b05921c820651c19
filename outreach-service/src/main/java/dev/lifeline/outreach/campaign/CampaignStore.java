package dev.lifeline.outreach.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The businesses' campaigns (Panache, plain CRUD): always scoped by tenant, except the outage fan-in, which looks
 * across tenants by platform.
 *
 * <p>Senders, dispatchers and consumers read campaigns on worker threads with no request in flight; Hibernate's
 * session needs a request context there, hence {@code @ActivateRequestContext}.
 */
@ApplicationScoped
@ActivateRequestContext
public class CampaignStore {

    @Transactional
    public void insert(Campaign c) {
        new CampaignRow().fill(c).persist();
    }

    /** @return false when the tenant has no such campaign */
    @Transactional
    public boolean update(Campaign c) {
        Optional<CampaignRow> row = CampaignRow.<CampaignRow>find("tenantId = ?1 and id = ?2", c.tenantId(), c.id())
                .firstResultOptional();
        row.ifPresent(r -> {
            Instant created = r.createdAt;
            r.fill(c).createdAt = created;
        });
        return row.isPresent();
    }

    @Transactional
    public boolean delete(String tenantId, UUID id) {
        return CampaignRow.delete("tenantId = ?1 and id = ?2", tenantId, id) > 0;
    }

    public Optional<Campaign> find(String tenantId, UUID id) {
        return CampaignRow.<CampaignRow>find("tenantId = ?1 and id = ?2", tenantId, id)
                .firstResultOptional()
                .map(CampaignRow::campaign);
    }

    /** For senders: the campaign of a delivery job, which carries its tenant. */
    public Optional<Campaign> find(UUID id) {
        return CampaignRow.<CampaignRow>findByIdOptional(id).map(CampaignRow::campaign);
    }

    public List<Campaign> list(String tenantId) {
        return CampaignRow.<CampaignRow>list("tenantId = ?1 order by createdAt", tenantId).stream()
                .map(CampaignRow::campaign)
                .toList();
    }

    /**
     * Active campaigns of this kind that cover the platform: those on the platform itself, and those on {@code any}
     * of businesses that depend on it. A tenant-defined platform ({@code platformTenantId} set) only for its tenant.
     */
    public List<Campaign> activeFor(String platformId, String platformTenantId, CampaignKind kind) {
        String covering = """
                from CampaignRow c where c.active = true and c.kind = ?1
                  and (c.platformId = ?2 or c.platformId = 'any' and exists (
                      from TenantDependency d where d.tenantId = c.tenantId and d.platformId = ?2))
                """;
        List<CampaignRow> rows = platformTenantId == null
                ? CampaignRow.list(covering + " order by c.tenantId, c.createdAt", kind.id(), platformId)
                : CampaignRow.list(
                        covering + " and c.tenantId = ?3 order by c.tenantId, c.createdAt",
                        kind.id(),
                        platformId,
                        platformTenantId);
        return rows.stream().map(CampaignRow::campaign).toList();
    }
}
