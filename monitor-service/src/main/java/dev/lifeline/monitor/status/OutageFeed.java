package dev.lifeline.monitor.status;

import dev.lifeline.events.Channels;
import dev.lifeline.events.LifelineEvent;
import dev.lifeline.events.outage.OutageResolved;
import dev.lifeline.events.outage.OutageSource;
import dev.lifeline.events.outage.OutageStarted;
import dev.lifeline.events.outage.OutageUpdated;
import dev.lifeline.events.outage.Severity;
import dev.lifeline.kit.inbox.InboundEvent;
import dev.lifeline.monitor.health.HealthMonitor;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletionStage;

/**
 * Every instance reads platform-outages.v1 in a consumer group of its own, whichever instance (or person) wrote the
 * event: its state machines learn of outages opened and resolved elsewhere, and its SSE clients see every change. The
 * topic is read from the start, so an instance knows what is open before it matters; only events written since it
 * started go to the SSE stream. Applying an event twice changes nothing.
 */
@ApplicationScoped
public class OutageFeed {

    private static final Duration SLACK = Duration.ofSeconds(5);

    private final HealthMonitor health;
    private final StatusStream stream;
    private final Instant startedAt;

    public OutageFeed(HealthMonitor health, StatusStream stream, Clock clock) {
        this.health = health;
        this.stream = stream;
        this.startedAt = clock.instant();
    }

    @Incoming(Channels.OUTAGES_IN)
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        try {
            InboundEvent inbound = InboundEvent.of(message);
            if (!inbound.isTombstone()) {
                boolean live = message.getMetadata(IncomingKafkaRecordMetadata.class)
                        .map(m -> !m.getTimestamp().isBefore(startedAt.minus(SLACK)))
                        .orElse(true);
                apply(inbound.decode(), live);
            }
            return message.ack();
        } catch (RuntimeException e) {
            return message.nack(e);
        }
    }

    private void apply(LifelineEvent event, boolean live) {
        if (event instanceof OutageStarted s) {
            health.outageEvent("started", s.platformId(), s.outageId(), s.source(), s.startedAt());
            push(
                    live,
                    "outage.started",
                    s.platformId(),
                    "down",
                    s.outageId(),
                    s.source(),
                    s.severity(),
                    s.detectedAt());
        } else if (event instanceof OutageUpdated u) {
            push(live, "outage.updated", u.platformId(), "down", u.outageId(), null, u.severity(), u.updatedAt());
        } else if (event instanceof OutageResolved r) {
            health.outageEvent("resolved", r.platformId(), r.outageId(), r.source(), r.startedAt());
            push(live, "outage.resolved", r.platformId(), "up", r.outageId(), r.source(), null, r.resolvedAt());
        }
    }

    private void push(
            boolean live,
            String kind,
            String platformId,
            String state,
            String outageId,
            OutageSource source,
            Severity severity,
            Instant at) {
        if (live) {
            stream.publish(new StatusChange(
                    kind,
                    platformId,
                    state,
                    outageId,
                    source == null ? null : source.name().toLowerCase(Locale.ROOT),
                    severity == null ? null : severity.name().toLowerCase(Locale.ROOT),
                    at));
        }
    }
}
