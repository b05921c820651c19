package dev.lifeline.monitor.verdict;

import dev.lifeline.events.outage.ProbeEvidence;
import dev.lifeline.events.outage.ProbeVerdict;
import dev.lifeline.events.outage.VerdictOutcome;
import dev.lifeline.monitor.health.Observation;
import dev.lifeline.monitor.health.ProbeOutcome;
import dev.lifeline.monitor.probe.ProbeResult;

import java.time.Duration;

/** Between this instance's probe results and the verdicts all instances share. */
public final class Verdicts {

    private Verdicts() {}

    public static ProbeVerdict of(ProbeResult result, String instanceId) {
        return new ProbeVerdict(
                result.platformId(),
                result.probeId(),
                instanceId,
                result.kind().wireName(),
                VerdictOutcome.valueOf(result.outcome().name()),
                result.severityHint(),
                result.latencyMs(),
                result.detail(),
                result.observedAt(),
                result.staleAfter() == null ? 0 : result.staleAfter().toMillis());
    }

    public static Observation observation(ProbeVerdict verdict) {
        ProbeOutcome outcome = ProbeOutcome.valueOf(verdict.outcome().name());
        ProbeEvidence evidence = new ProbeEvidence(
                verdict.probeId(),
                verdict.kind(),
                outcome == ProbeOutcome.OK,
                verdict.latencyMs(),
                verdict.detail(),
                verdict.observedAt());
        return new Observation(
                verdict.voter(),
                outcome,
                verdict.severity(),
                verdict.observedAt(),
                evidence,
                verdict.staleAfterMs() <= 0 ? null : Duration.ofMillis(verdict.staleAfterMs()));
    }
}
