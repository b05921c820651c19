package dev.lifeline.monitor.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** One platform one tenant's business depends on. */
@Entity
@Table(name = "tenant_dependency")
@IdClass(TenantDependency.Key.class)
public class TenantDependency extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    @Column(name = "platform_id")
    public String platformId;

    public record Key(String tenantId, String platformId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    static TenantDependency of(String tenantId, String platformId) {
        TenantDependency d = new TenantDependency();
        d.tenantId = tenantId;
        d.platformId = platformId;
        return d;
    }
}
