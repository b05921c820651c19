package dev.lifeline.kit.inbox;

import dev.lifeline.events.LifelineEvent;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The one skeleton of a Kafka consumer, so that a consumer is one line per event type (as eventuate-tram's
 * {@code onEvent(...)}): read the CloudEvent, skip tombstones (unless asked for) and types this consumer does not
 * handle, wait out a database outage rather than dead-letter good records, and dead-letter (nack) what cannot be read
 * or applied.
 * The log line names the exception's class only: a decoding error's message may quote the record's data.
 */
public final class EventHandlers {

    private final Class<?> consumer;
    private final Logger log;
    private final Map<Class<? extends LifelineEvent>, BiConsumer<InboundEvent, LifelineEvent>> handlers =
            new LinkedHashMap<>();
    private Consumer<InboundEvent> tombstones = in -> {};

    private EventHandlers(Class<?> consumer) {
        this.consumer = consumer;
        this.log = Logger.getLogger(consumer);
    }

    public static EventHandlers of(Class<?> consumer) {
        return new EventHandlers(consumer);
    }

    /** Handles events of this type; the handler gets the inbound record too, for its id (idempotency) and key. */
    public <E extends LifelineEvent> EventHandlers on(Class<E> type, BiConsumer<InboundEvent, E> handler) {
        handlers.put(type, (in, event) -> handler.accept(in, type.cast(event)));
        return this;
    }

    /** Handles tombstones (a record with a key and no value: on a compacted topic, "forget this key"). */
    public EventHandlers onTombstone(Consumer<InboundEvent> handler) {
        this.tombstones = handler;
        return this;
    }

    public CompletionStage<Void> handle(Message<String> message) {
        try {
            InboundEvent in = InboundEvent.of(message);
            if (in.isTombstone()) {
                DatabaseOutage.waitOut(consumer, () -> tombstones.accept(in));
            } else {
                LifelineEvent event = in.decode();
                BiConsumer<InboundEvent, LifelineEvent> handler = handlers.get(event.getClass());
                if (handler != null) {
                    DatabaseOutage.waitOut(consumer, () -> handler.accept(in, event));
                }
            }
            return message.ack();
        } catch (RuntimeException e) {
            String topic = message.getMetadata(IncomingKafkaRecordMetadata.class)
                    .map(IncomingKafkaRecordMetadata::getTopic)
                    .orElse("A");
            log.warnf("%s record rejected to the DLQ: %s", topic, e.getClass().getSimpleName());
            return message.nack(e);
        }
    }
}
