package dev.lifeline.monitor.probe;

import dev.lifeline.events.outage.ProbeEvidence;
import dev.lifeline.events.outage.Severity;
import dev.lifeline.monitor.health.Observation;
import dev.lifeline.monitor.health.ProbeOutcome;

import java.time.Duration;
import java.time.Instant;

/**
 * The outcome of one probe run (after its retries). {@code detail} never echoes a response body. {@code staleAfter}:
 * how long after this run the probe's voter counts as gone if no newer run was heard of (null: the policy's default).
 */
public record ProbeResult(
        String probeId,
        String platformId,
        ProbeKind kind,
        ProbeOutcome outcome,
        Severity severityHint,
        Long latencyMs,
        String detail,
        Instant observedAt,
        int attempts,
        Duration staleAfter) {

    public ProbeResult(
            String probeId,
            String platformId,
            ProbeKind kind,
            ProbeOutcome outcome,
            Severity severityHint,
            Long latencyMs,
            String detail,
            Instant observedAt,
            int attempts) {
        this(probeId, platformId, kind, outcome, severityHint, latencyMs, detail, observedAt, attempts, null);
    }

    /** Three missed runs, each allowed its timeout and retries, and some slack for a busy machine. */
    public static Duration staleAfter(ProbeDefinition probe) {
        return probe.interval()
                .multipliedBy(3)
                .plus(probe.timeout().multipliedBy(probe.retries() + 1L))
                .plusSeconds(5);
    }

    public ProbeEvidence evidence() {
        return new ProbeEvidence(probeId, kind.wireName(), outcome == ProbeOutcome.OK, latencyMs, detail, observedAt);
    }

    public Observation observation(String instanceId) {
        String voter = instanceId == null ? probeId : probeId + "@" + instanceId;
        return new Observation(voter, outcome, severityHint, observedAt, evidence(), staleAfter);
    }

    public ProbeResult withAttempts(int n) {
        return new ProbeResult(
                probeId, platformId, kind, outcome, severityHint, latencyMs, detail, observedAt, n, staleAfter);
    }

    public ProbeResult withStaleAfter(Duration after) {
        return new ProbeResult(
                probeId, platformId, kind, outcome, severityHint, latencyMs, detail, observedAt, attempts, after);
    }
}
