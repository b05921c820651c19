package dev.lifeline.contact.ops;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Outbox lag as time: how long the oldest unpublished event has waited (0 when none). Complements the kit's
 * count gauge; a growing age means the broker or the relay is stuck. Read at scrape time from the partial index.
 */
@ApplicationScoped
public class OutboxLagGauge {

    @Inject
    AgroalDataSource dataSource;

    void register(@Observes StartupEvent start, MeterRegistry registry) {
        Gauge.builder("lifeline_outbox_oldest_pending_seconds", this, OutboxLagGauge::oldestAgeSeconds)
                .description("Age of the oldest event in the outbox not yet acknowledged by Kafka")
                .register(registry);
    }

    double oldestAgeSeconds() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0) "
                        + "FROM outbox_event WHERE published_at IS NULL")) {
            return r.next() ? r.getDouble(1) : 0;
        } catch (Exception e) {
            return Double.NaN;
        }
    }
}
