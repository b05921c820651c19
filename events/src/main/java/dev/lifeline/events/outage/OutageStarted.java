package dev.lifeline.events.outage;

import dev.lifeline.events.EventTypes;
import dev.lifeline.events.LifelineEvent;
import dev.lifeline.events.Require;

import java.time.Instant;
import java.util.List;

/**
 * A platform went down. {@code startedAt} is the first failing observation, {@code detectedAt} when the decision
 * was made; {@code declaredBy} and {@code reason} are set when a person declared it. {@code tenantId} is null for
 * catalogue platforms and set for a platform that one tenant defined.
 */
public record OutageStarted(
        String outageId,
        String platformId,
        String tenantId,
        Severity severity,
        OutageSource source,
        Instant startedAt,
        Instant detectedAt,
        String declaredBy,
        String reason,
        List<ProbeEvidence> evidence)
        implements LifelineEvent {

    public OutageStarted {
        Require.text(outageId, "outageId");
        Require.text(platformId, "platformId");
        Require.present(severity, "severity");
        Require.present(source, "source");
        Require.present(startedAt, "startedAt");
        Require.present(detectedAt, "detectedAt");
        evidence = Require.list(evidence);
    }

    @Override
    public String eventType() {
        return EventTypes.OUTAGE_STARTED;
    }

    @Override
    public String partitionKey() {
        return platformId;
    }
}
