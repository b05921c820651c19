package dev.lifeline.events.outage;

import dev.lifeline.events.Require;

import java.time.Instant;

/** One probe result that led to a decision, carried in outage events so subscribers can see why. */
public record ProbeEvidence(
        String probeId, String kind, boolean healthy, Long latencyMs, String detail, Instant observedAt) {

    public ProbeEvidence {
        Require.text(probeId, "evidence.probeId");
        Require.text(kind, "evidence.kind");
        Require.present(observedAt, "evidence.observedAt");
    }
}
