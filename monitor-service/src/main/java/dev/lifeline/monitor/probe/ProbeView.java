package dev.lifeline.monitor.probe;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A probe as the REST API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProbeView(
        String id,
        String platformId,
        String type,
        String target,
        String interval,
        String timeout,
        int retries,
        String latencyThreshold,
        String keyword,
        String jsonPointer,
        String expectedValue,
        String component) {

    public static ProbeView of(ProbeDefinition d) {
        return new ProbeView(
                d.id(),
                d.platformId(),
                d.kind().wireName(),
                d.target(),
                d.interval().toString(),
                d.timeout().toString(),
                d.retries(),
                d.latencyThreshold() == null ? null : d.latencyThreshold().toString(),
                d.keyword(),
                d.jsonPointer(),
                d.expectedValue(),
                d.component());
    }
}
