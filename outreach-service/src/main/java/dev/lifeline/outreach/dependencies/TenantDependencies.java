package dev.lifeline.outreach.dependencies;

import dev.lifeline.events.tenant.DependenciesChanged;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The platforms each business depends on, as monitor-service last published them. A campaign on {@code any} fires
 * only for these (CampaignStore joins this table). The event carries the whole list, so applying it twice or
 * applying it again after a restart leaves the same rows: no de-duplication needed.
 */
@ApplicationScoped
public class TenantDependencies implements PanacheRepositoryBase<TenantDependency, TenantDependency.Key> {

    @Transactional
    public void replace(DependenciesChanged changed) {
        delete("tenantId", changed.tenantId());
        getEntityManager().flush();
        changed.platformIds().stream().distinct().forEach(id -> persist(TenantDependency.of(changed.tenantId(), id)));
    }

    public List<String> of(String tenantId) {
        return find("tenantId = ?1 order by platformId", tenantId).stream()
                .map(d -> d.platformId)
                .toList();
    }
}
