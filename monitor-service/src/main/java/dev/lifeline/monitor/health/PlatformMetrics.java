package dev.lifeline.monitor.health;

import dev.lifeline.monitor.probe.ProbeResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prometheus metrics: {@code lifeline_probe_latency_seconds} (histogram per platform and kind),
 * {@code lifeline_probe_failures_total}, and {@code lifeline_platform_state} (0 up, 1 degraded, 2 down, 3 recovering).
 */
@ApplicationScoped
public class PlatformMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> states = new ConcurrentHashMap<>();

    public PlatformMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void probe(ProbeResult result) {
        if (result.latencyMs() != null) {
            Timer.builder("lifeline.probe.latency")
                    .description("Latency of probe runs")
                    .tag("platform", result.platformId())
                    .tag("kind", result.kind().wireName())
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(Duration.ofMillis(result.latencyMs()));
        }
        if (result.outcome() != ProbeOutcome.OK) {
            Counter.builder("lifeline.probe.failures")
                    .description("Probe runs that were not OK")
                    .tag("platform", result.platformId())
                    .tag("outcome", result.outcome().name().toLowerCase())
                    .register(registry)
                    .increment();
        }
    }

    public void state(String platformId, HealthState state) {
        states.computeIfAbsent(
                        platformId,
                        id -> registry.gauge("lifeline.platform.state", Tags.of("platform", id), new AtomicInteger()))
                .set(state.ordinal());
    }
}
