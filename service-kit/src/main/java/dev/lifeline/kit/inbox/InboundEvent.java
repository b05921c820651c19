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

    @SuppressWarnings("unchecked")
    public static InboundEvent of(Message<String> message) {
        String key = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> kafka.getKey() == null ? null : String.valueOf(kafka.getKey()))
                .orElse(null);
        IncomingCloudEventMetadata<?> cloudEvent = message.getMetadata(IncomingCloudEventMetadata.class).orElse(null);
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
