package dev.lifeline.monitor.probe;

/**
 * A probe as a tenant submits it. Durations are ISO-8601 or Quarkus style ("PT10S", "10s", "500ms"); checked by
 * {@link ProbeRequestValidator}, which names every offending field.
 */
public record ProbeRequest(
        String type,
        String target,
        String interval,
        String timeout,
        Integer retries,
        String latencyThreshold,
        String keyword,
        String jsonPointer,
        String expectedValue,
        String component) {}
