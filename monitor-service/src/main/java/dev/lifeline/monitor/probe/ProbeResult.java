package dev.lifeline.monitor.probe;

import dev.lifeline.events.outage.ProbeEvidence;
import dev.lifeline.events.outage.Severity;
import dev.lifeline.monitor.health.Observation;
import dev.lifeline.monitor.health.ProbeOutcome;

import java.time.Instant;

/** The outcome of one probe run (after its retries). {@code detail} never echoes a response body. */
public record ProbeResult(String probeId, String platformId, ProbeKind kind, ProbeOutcome outcome, Severity severityHint,
                          Long latencyMs, String detail, Instant observedAt, int attempts) {

    public ProbeEvidence evidence() {
        return new ProbeEvidence(probeId, kind.wireName(), outcome == ProbeOutcome.OK, latencyMs, detail, observedAt);
    }

    public Observation observation(String voterSuffix) {
        String voter = voterSuffix == null ? probeId : probeId + "@" + voterSuffix;
        return new Observation(voter, outcome, severityHint, observedAt, evidence());
    }

    public ProbeResult withAttempts(int n) {
        return new ProbeResult(probeId, platformId, kind, outcome, severityHint, latencyMs, detail, observedAt, n);
    }
}
