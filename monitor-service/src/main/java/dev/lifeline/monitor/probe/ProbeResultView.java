package dev.lifeline.monitor.probe;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** One stored probe result. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProbeResultView(
        String probeId, String kind, String outcome, Long latencyMs, String detail, Instant observedAt) {}
