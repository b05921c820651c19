package dev.lifeline.kit.outbox;

import java.time.Instant;
import java.util.UUID;

/** An outbox row not yet acknowledged by the broker. A null type and data make a tombstone. */
record PendingEvent(long seq, UUID eventId, String topic, String key, String type, String data, Instant createdAt) {

    boolean isTombstone() {
        return data == null;
    }
}
