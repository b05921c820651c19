package dev.lifeline.kit.outbox;

import dev.lifeline.events.EventTypes;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

/** Turns an outbox row into a Kafka record: a CloudEvent in binary mode, or a bare tombstone. */
final class OutboxMessages {

    /**
     * The Kafka protocol binding of CloudEvents puts the data content type in {@code content-type} only. The connector
     * writes a {@code ce_datacontenttype} beside it when the metadata carries one, so the metadata carries none and the
     * header is set here.
     */
    static final String CONTENT_TYPE_HEADER = "content-type";

    static final String DATA_CONTENT_TYPE = "application/json";

    private OutboxMessages() {}

    static Message<String> toMessage(PendingEvent event, CompletableFuture<Void> acked) {
        OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> kafka =
                OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(event.topic())
                        .withKey(event.key());
        Metadata metadata = event.isTombstone()
                ? Metadata.of(kafka.build())
                : Metadata.of(
                        kafka.withHeaders(new RecordHeaders()
                                        .add(CONTENT_TYPE_HEADER, DATA_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)))
                                .build(),
                        OutgoingCloudEventMetadata.builder()
                                .withId(event.eventId().toString())
                                .withType(event.type())
                                .withSubject(event.key())
                                .withTimestamp(event.createdAt().atZone(ZoneOffset.UTC))
                                .withDataSchema(
                                        EventTypes.dataSchema(event.type()).orElse(null))
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
