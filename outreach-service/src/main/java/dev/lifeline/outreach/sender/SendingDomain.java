package dev.lifeline.outreach.sender;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A domain a business sends from; verified once one of its DKIM keys was found in the domain's DNS. */
@Entity
@Table(name = "sending_domain")
public class SendingDomain extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    public String domain;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean verified() {
        return verifiedAt != null;
    }

    /** Always scoped by tenant: another tenant's id is as unknown as one that never existed. */
    public static Optional<SendingDomain> of(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public static Optional<SendingDomain> named(String tenantId, String domain) {
        return find("tenantId = ?1 and domain = ?2", tenantId, domain).firstResultOptional();
    }

    public static List<SendingDomain> ofTenant(String tenantId) {
        return list("tenantId = ?1 order by createdAt", tenantId);
    }
}
