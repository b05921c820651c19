package dev.lifeline.monitor.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "platform")
public class PlatformEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    public String name;

    @Column(name = "maintenance_is_outage", nullable = false)
    public boolean maintenanceIsOutage;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public Platform toPlatform() {
        return new Platform(id, name, tenantId, maintenanceIsOutage);
    }
}
