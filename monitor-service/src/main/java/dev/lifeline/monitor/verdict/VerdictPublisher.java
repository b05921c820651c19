package dev.lifeline.monitor.verdict;

import dev.lifeline.events.Channels;
import dev.lifeline.events.EventCodec;
import dev.lifeline.events.Topics;
import dev.lifeline.events.outage.ProbeVerdict;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shares this instance's verdicts on {@link Topics#PROBE_VERDICTS}. Not through the outbox: a verdict is worth
 * something for one probe interval only, the next run replaces it, so one lost while the broker is away costs
 * nothing, and a thousand probes must not mean a thousand rows a second. While the broker is away, verdicts are
 * dropped, not queued without bound.
 */
@ApplicationScoped
public class VerdictPublisher {

    private final Emitter<String> emitter;
    private final AtomicLong dropped = new AtomicLong();

    public VerdictPublisher(
            @Channel(Channels.VERDICTS_OUT) @OnOverflow(value = OnOverflow.Strategy.DROP) Emitter<String> emitter) {
        this.emitter = emitter;
    }

    public void publish(ProbeVerdict verdict) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(verdict.partitionKey())
                .build();
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(UUID.randomUUID().toString())
                .withType(verdict.eventType())
                .withSubject(verdict.partitionKey())
                .withTimestamp(verdict.observedAt().atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        Message<String> message = Message.of(EventCodec.encode(verdict), Metadata.of(kafka, cloudEvent))
                .withNack(failure -> {
                    dropped.incrementAndGet();
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            // Broker unreachable or channel not ready yet: the next run of the probe brings a fresh verdict.
            dropped.incrementAndGet();
        }
    }

    public long dropped() {
        return dropped.get();
    }
}
