package dev.lifeline.monitor.health;

import dev.lifeline.events.outage.ProbeEvidence;
import dev.lifeline.events.outage.Severity;

import java.time.Instant;
import java.util.Objects;

/**
 * One probe verdict fed to a platform's state machine. {@code voter} identifies who observed: a probe id on a single
 * instance, {@code probeId@instanceId} when several monitor instances share verdicts, so quorum spans both.
 */
public record Observation(String voter, ProbeOutcome outcome, Severity severityHint, Instant observedAt,
                          ProbeEvidence evidence) {

    public Observation {
        Objects.requireNonNull(voter, "voter");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(observedAt, "observedAt");
        if (severityHint == null) {
            severityHint = outcome == ProbeOutcome.FAILED ? Severity.MAJOR : Severity.MINOR;
        }
    }
}
