package dev.lifeline.monitor.probe;

import java.time.Duration;
import java.util.Objects;

/**
 * One probe of one platform. {@code target} is a URL for http/statuspage/meta-status, a host name for dns and
 * {@code host:port} for tcp. Optional conditions: {@code keyword} the body must contain, {@code jsonPointer} whose
 * value must equal {@code expectedValue}, {@code component} to judge one Statuspage component or one Meta org.
 */
public record ProbeDefinition(
        String id,
        String platformId,
        ProbeKind kind,
        String target,
        Duration interval,
        Duration timeout,
        int retries,
        Duration latencyThreshold,
        String keyword,
        String jsonPointer,
        String expectedValue,
        String component) {

    public ProbeDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
    }

    public static ProbeDefinition http(String id, String platformId, String url, Duration interval) {
        return new ProbeDefinition(
                id,
                platformId,
                ProbeKind.HTTP,
                url,
                interval,
                Duration.ofSeconds(3),
                1,
                Duration.ofSeconds(2),
                null,
                null,
                null,
                null);
    }

    public ProbeDefinition withKind(ProbeKind newKind, String newTarget) {
        return new ProbeDefinition(
                id,
                platformId,
                newKind,
                newTarget,
                interval,
                timeout,
                retries,
                latencyThreshold,
                keyword,
                jsonPointer,
                expectedValue,
                component);
    }

    public ProbeDefinition withTiming(Duration newInterval, Duration newTimeout, int newRetries) {
        return new ProbeDefinition(
                id,
                platformId,
                kind,
                target,
                newInterval,
                newTimeout,
                newRetries,
                latencyThreshold,
                keyword,
                jsonPointer,
                expectedValue,
                component);
    }

    public ProbeDefinition withConditions(
            String newKeyword, String newPointer, String newExpected, String newComponent) {
        return new ProbeDefinition(
                id,
                platformId,
                kind,
                target,
                interval,
                timeout,
                retries,
                latencyThreshold,
                newKeyword,
                newPointer,
                newExpected,
                newComponent);
    }
}
