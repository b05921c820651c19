package dev.lifeline.monitor.probe;

import dev.lifeline.events.outage.Severity;
import dev.lifeline.monitor.health.ProbeOutcome;

/** What a checker concluded from one response, before timing and identity are attached. */
public record Verdict(ProbeOutcome outcome, Severity severity, String detail) {

    public static Verdict ok(String detail) {
        return new Verdict(ProbeOutcome.OK, null, detail);
    }

    public static Verdict degraded(String detail) {
        return new Verdict(ProbeOutcome.DEGRADED, Severity.MINOR, detail);
    }

    public static Verdict maintenance(String detail) {
        return new Verdict(ProbeOutcome.MAINTENANCE, Severity.MINOR, detail);
    }

    public static Verdict failed(Severity severity, String detail) {
        return new Verdict(ProbeOutcome.FAILED, severity, detail);
    }
}
