package dev.lifeline.monitor.outage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.lifeline.events.EventCodec;
import dev.lifeline.events.outage.OutageSource;
import dev.lifeline.events.outage.ProbeEvidence;
import dev.lifeline.events.outage.Severity;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** An outage as the REST API shows it; {@code durationSeconds} runs until now while the outage is open. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutageView(
        String id,
        String platformId,
        String tenantId,
        OutageSource source,
        Severity severity,
        Instant startedAt,
        Instant detectedAt,
        Instant resolvedAt,
        String declaredBy,
        String reason,
        String resolvedBy,
        String detectedBy,
        long durationSeconds,
        boolean open,
        List<ProbeEvidence> evidence) {

    public static OutageView of(OutageEntity e, Instant now) {
        Instant end = e.resolvedAt == null ? now : e.resolvedAt;
        return new OutageView(
                e.id.toString(),
                e.platformId,
                e.tenantId,
                e.source,
                e.severity,
                e.startedAt,
                e.detectedAt,
                e.resolvedAt,
                e.declaredBy,
                e.reason,
                e.resolvedBy,
                e.detectedBy,
                Math.max(0, Duration.between(e.startedAt, end).toSeconds()),
                e.resolvedAt == null,
                evidence(e.evidence));
    }

    public static List<ProbeEvidence> evidence(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return EventCodec.mapper().readValue(json, new TypeReference<List<ProbeEvidence>>() {});
        } catch (IOException e) {
            return List.of();
        }
    }

    static String evidenceJson(List<ProbeEvidence> evidence) {
        try {
            return EventCodec.mapper().writeValueAsString(evidence == null ? List.of() : evidence);
        } catch (JsonProcessingException e) {
            return "[]";
        }
    }
}
