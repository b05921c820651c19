package dev.lifeline.monitor.health;

import dev.lifeline.events.outage.ProbeEvidence;
import dev.lifeline.events.outage.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One probe verdict fed to a platform's state machine. {@code voter} identifies who observed: {@code probeId@instanceId}
 * when several monitor instances share verdicts, so quorum spans them. {@code staleAfter}: a voter with no newer
 * verdict for that long has gone away (its instance died) and stops counting; null means the policy's voter TTL.
 */
public record Observation(
        String voter,
        ProbeOutcome outcome,
        Severity severityHint,
        Instant observedAt,
        ProbeEvidence evidence,
        Duration staleAfter) {

    public Observation {
        Objects.requireNonNull(voter, "voter");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(observedAt, "observedAt");
        if (severityHint == null) {
            severityHint = outcome == ProbeOutcome.FAILED ? Severity.MAJOR : Severity.MINOR;
        }
    }

    public Observation(
            String voter, ProbeOutcome outcome, Severity severityHint, Instant observedAt, ProbeEvidence evidence) {
        this(voter, outcome, severityHint, observedAt, evidence, null);
    }

    /** The monitor instance behind the voter: what follows the last {@code @}, or "" for a voter without one. */
    public String instance() {
        int at = voter.lastIndexOf('@');
        return at < 0 ? "" : voter.substring(at + 1);
    }

    /** The same verdict read as another outcome, e.g. maintenance counted as a failure by the platform's policy. */
    public Observation as(ProbeOutcome newOutcome, Severity newSeverity) {
        return new Observation(voter, newOutcome, newSeverity, observedAt, evidence, staleAfter);
    }
}
