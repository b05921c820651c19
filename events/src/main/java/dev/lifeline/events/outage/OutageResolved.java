package dev.lifeline.events.outage;

import dev.lifeline.events.EventTypes;
import dev.lifeline.events.LifelineEvent;
import dev.lifeline.events.Require;

import java.time.Instant;

/** The platform is back. {@code resolvedBy} is set when a person resolved it. */
public record OutageResolved(
        String outageId,
        String platformId,
        String tenantId,
        OutageSource source,
        Instant startedAt,
        Instant resolvedAt,
        String resolvedBy)
        implements LifelineEvent {

    public OutageResolved {
        Require.text(outageId, "outageId");
        Require.text(platformId, "platformId");
        Require.present(source, "source");
        Require.present(startedAt, "startedAt");
        Require.present(resolvedAt, "resolvedAt");
    }

    @Override
    public String eventType() {
        return EventTypes.OUTAGE_RESOLVED;
    }

    @Override
    public String partitionKey() {
        return platformId;
    }
}
