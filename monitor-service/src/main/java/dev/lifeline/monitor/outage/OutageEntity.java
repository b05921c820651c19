package dev.lifeline.monitor.outage;

import dev.lifeline.events.outage.OutageSource;
import dev.lifeline.events.outage.Severity;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Entity
@Table(name = "outage")
public class OutageEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "platform_id", nullable = false)
    public String platformId;

    @Column(name = "tenant_id")
    public String tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OutageSource source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "declared_by")
    public String declaredBy;

    public String reason;

    @Column(name = "resolved_by")
    public String resolvedBy;

    /** The monitor instance whose decision opened a probe outage. */
    @Column(name = "detected_by")
    public String detectedBy;

    /** JSON array of ProbeEvidence: the last probe results when the outage was opened or last updated. */
    public String evidence;

    public static Optional<OutageEntity> open(String platformId) {
        return find("platformId = ?1 and resolvedAt is null", platformId).firstResultOptional();
    }

    public static List<OutageEntity> allOpen() {
        return list("resolvedAt is null");
    }

    /** Newest first, of several platforms (a tenant's), optionally only open or only resolved ones. */
    public static List<OutageEntity> history(Collection<String> platformIds, Boolean open, int limit) {
        String state = open == null ? "" : open ? " and resolvedAt is null" : " and resolvedAt is not null";
        return find("platformId in ?1" + state + " order by startedAt desc", platformIds)
                .page(0, limit)
                .list();
    }

    public static List<OutageEntity> history(String platformId, int limit) {
        return find("platformId = ?1 order by startedAt desc", platformId)
                .page(0, limit)
                .list();
    }
}
