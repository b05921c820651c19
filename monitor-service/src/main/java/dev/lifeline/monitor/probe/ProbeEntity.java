package dev.lifeline.monitor.probe;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

@Entity
@Table(name = "probe")
public class ProbeEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "platform_id", nullable = false)
    public String platformId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String target;

    @Column(name = "interval_ms", nullable = false)
    public long intervalMs;

    @Column(name = "timeout_ms", nullable = false)
    public long timeoutMs;

    @Column(nullable = false)
    public int retries;

    @Column(name = "latency_threshold_ms")
    public Long latencyThresholdMs;

    public String keyword;

    @Column(name = "json_pointer")
    public String jsonPointer;

    @Column(name = "expected_value")
    public String expectedValue;

    public String component;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static ProbeEntity of(ProbeDefinition d, String tenantId, Instant now) {
        ProbeEntity e = new ProbeEntity();
        e.id = d.id();
        e.platformId = d.platformId();
        e.tenantId = tenantId;
        e.kind = d.kind().wireName();
        e.target = d.target();
        e.intervalMs = d.interval().toMillis();
        e.timeoutMs = d.timeout().toMillis();
        e.retries = d.retries();
        e.latencyThresholdMs =
                d.latencyThreshold() == null ? null : d.latencyThreshold().toMillis();
        e.keyword = d.keyword();
        e.jsonPointer = d.jsonPointer();
        e.expectedValue = d.expectedValue();
        e.component = d.component();
        e.createdAt = now;
        return e;
    }

    public ProbeDefinition toDefinition() {
        return new ProbeDefinition(
                id,
                platformId,
                ProbeKind.fromWire(kind),
                target,
                Duration.ofMillis(intervalMs),
                Duration.ofMillis(timeoutMs),
                retries,
                latencyThresholdMs == null ? null : Duration.ofMillis(latencyThresholdMs),
                keyword,
                jsonPointer,
                expectedValue,
                component);
    }
}
