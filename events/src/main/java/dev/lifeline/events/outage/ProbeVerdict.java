package dev.lifeline.events.outage;

import dev.lifeline.events.EventTypes;
import dev.lifeline.events.LifelineEvent;
import dev.lifeline.events.Require;

import java.time.Instant;

/**
 * One probe run of one monitor instance, shared with the other instances so that they all feed the same verdicts into
 * their state machines and quorum spans instances. Internal to monitor-service. The key is the voter,
 * {@code probeId@instanceId}: the compacted topic keeps every voter's latest verdict. {@code staleAfterMs}: when no
 * newer verdict of this voter arrived for that long, the voter is gone (its instance died) and stops counting.
 */
public record ProbeVerdict(
        String platformId,
        String probeId,
        String instanceId,
        String kind,
        VerdictOutcome outcome,
        Severity severity,
        Long latencyMs,
        String detail,
        Instant observedAt,
        long staleAfterMs)
        implements LifelineEvent {

    public ProbeVerdict {
        Require.text(platformId, "platformId");
        Require.text(probeId, "probeId");
        Require.text(instanceId, "instanceId");
        Require.text(kind, "kind");
        Require.present(outcome, "outcome");
        Require.present(observedAt, "observedAt");
    }

    public String voter() {
        return probeId + "@" + instanceId;
    }

    @Override
    public String eventType() {
        return EventTypes.PROBE_VERDICT;
    }

    @Override
    public String partitionKey() {
        return voter();
    }
}
