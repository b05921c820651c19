package dev.lifeline.kit.outbox;

import dev.lifeline.kit.trace.TraceContext;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox row not yet acknowledged by the broker. A null type and data make a tombstone. The trace context is the
 * writer's span, continued by the record's consumers.
 */
record PendingEvent(
        long seq,
        UUID eventId,
        String topic,
        String key,
        String type,
        String data,
        Instant createdAt,
        TraceContext trace) {

    boolean isTombstone() {
        return data == null;
    }
}
