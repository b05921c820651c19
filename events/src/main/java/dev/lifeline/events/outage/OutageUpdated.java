package dev.lifeline.events.outage;

import dev.lifeline.events.EventTypes;
import dev.lifeline.events.LifelineEvent;
import dev.lifeline.events.Require;

import java.time.Instant;
import java.util.List;

/** An open outage changed severity or gathered new evidence. */
public record OutageUpdated(
        String outageId,
        String platformId,
        String tenantId,
        Severity severity,
        Instant updatedAt,
        List<ProbeEvidence> evidence)
        implements LifelineEvent {

    public OutageUpdated {
        Require.text(outageId, "outageId");
        Require.text(platformId, "platformId");
        Require.present(severity, "severity");
        Require.present(updatedAt, "updatedAt");
        evidence = Require.list(evidence);
    }

    @Override
    public String eventType() {
        return EventTypes.OUTAGE_UPDATED;
    }

    @Override
    public String partitionKey() {
        return platformId;
    }
}
