package dev.lifeline.kit.inbox;

import dev.lifeline.events.EventCodec;
import dev.lifeline.events.LifelineEvent;
import dev.lifeline.events.MalformedEventException;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * What a consumer needs of an incoming record: the CloudEvents id and type (from the connector's CloudEvents support),
 * the Kafka key, and the JSON data. A tombstone has a key and nothing else.
 */
public record InboundEvent(String id, String type, String key, String data) {

    /**
     * Header the connector adds when it could not deserialize a record (with
     * {@code fail-on-deserialization-failure=false}, set for every channel in the kit's
     * {@code META-INF/microprofile-config.properties}), e.g. a structured CloudEvent whose value is not JSON. Without
     * that setting such a record stops the channel for good; with it, the record arrives with a null payload.
     */
    static final String DESERIALIZATION_FAILURE = "deserialization-failure-reason";

    /** @throws MalformedEventException for a record the connector could not deserialize: it belongs in the DLQ */
    @SuppressWarnings("unchecked")
    public static InboundEvent of(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> kafkaRecord =
                message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        if (kafkaRecord != null
                && kafkaRecord.getHeaders() != null
                && kafkaRecord.getHeaders().lastHeader(DESERIALIZATION_FAILURE) != null) {
            // The reason is not repeated: it may quote the record's value.
            throw new MalformedEventException("Record could not be deserialized (not a readable CloudEvent)");
        }
        String key = kafkaRecord == null || kafkaRecord.getKey() == null ? null : String.valueOf(kafkaRecord.getKey());
        IncomingCloudEventMetadata<?> cloudEvent =
                message.getMetadata(IncomingCloudEventMetadata.class).orElse(null);
        if (cloudEvent == null) {
            return new InboundEvent(null, null, key, message.getPayload());
        }
        return new InboundEvent(cloudEvent.getId(), cloudEvent.getType(), key, message.getPayload());
    }

    public boolean isTombstone() {
        return data == null && type == null;
    }

    /** @throws MalformedEventException when this is not a Lifeline CloudEvent that fits its declared type */
    public LifelineEvent decode() {
        if (id == null || type == null) {
            throw new MalformedEventException("Record is not a CloudEvent (no ce_id / ce_type headers)");
        }
        return EventCodec.decode(type, data);
    }
}
