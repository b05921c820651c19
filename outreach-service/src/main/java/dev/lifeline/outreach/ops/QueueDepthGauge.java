package dev.lifeline.outreach.ops;

import dev.lifeline.outreach.Sql;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.concurrent.atomic.AtomicLong;

/** {@code lifeline_outreach_queue_depth}: deliveries queued and not yet claimed, refreshed at most once a second. */
@ApplicationScoped
public class QueueDepthGauge {

    @Inject
    Sql sql;

    @Inject
    MeterRegistry registry;

    private final AtomicLong depth = new AtomicLong();
    private volatile long readAt;

    void register(@Observes StartupEvent e) {
        Gauge.builder("lifeline_outreach_queue_depth", this, QueueDepthGauge::read)
                .description("Deliveries queued and not yet claimed by a sender")
                .register(registry);
    }

    private double read() {
        long now = System.currentTimeMillis();
        if (now - readAt > 1000) {
            readAt = now;
            try {
                depth.set(sql.one("select count(*) from delivery where state = 'queued'", rs -> rs.getLong(1))
                        .orElse(0L));
            } catch (RuntimeException ignored) {
                // the database being down shows in readiness; the gauge keeps its last value
            }
        }
        return depth.get();
    }
}
