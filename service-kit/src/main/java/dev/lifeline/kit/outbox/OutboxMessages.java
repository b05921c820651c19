package dev.lifeline.kit.outbox;

import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

/** Turns an outbox row into a Kafka record: a CloudEvent in binary mode, or a bare tombstone. */
final class OutboxMessages {

    private OutboxMessages() {
    }

    static Message<String> toMessage(PendingEvent event, CompletableFuture<Void> acked) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic())
                .withKey(event.key())
                .build();
        Metadata metadata = event.isTombstone() ? Metadata.of(kafka) : Metadata.of(kafka, OutgoingCloudEventMetadata.builder()
                .withId(event.eventId().toString())
                .withType(event.type())
                .withSubject(event.key())
                .withTimestamp(event.createdAt().atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build());
        if (event.trace().isPresent()) {
            // The connector's producer span becomes a child of the writer's span and goes out as the W3C traceparent
            // header; without this it would start a new trace on the relay's thread.
            Context parent = event.trace().asParent();
            metadata = metadata.with(TracingMetadata.with(parent, parent));
        }
        return Message.of(event.data(), metadata)
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
    }
}
