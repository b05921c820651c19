package dev.lifeline.kit.inbox;

import dev.lifeline.events.EventCodec;
import dev.lifeline.events.EventTypes;
import dev.lifeline.events.tenant.TenantDeleted;
import dev.lifeline.events.tenant.TenantUpserted;
import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The one consumer skeleton: each record is acknowledged or dead-lettered, never left to block its partition. */
class EventHandlersTest {

    private final List<String> handled = new ArrayList<>();
    private final List<String> outcomes = new ArrayList<>();

    private final EventHandlers handlers = EventHandlers.of(EventHandlersTest.class)
            .on(TenantDeleted.class, (in, deleted) -> {
                if ("poison".equals(deleted.tenantId())) {
                    throw new IllegalArgumentException("cannot apply");
                }
                handled.add(in.id() + ":" + deleted.tenantId());
            });

    private Message<String> record(String id, String type, String data) {
        Metadata metadata = type == null
                ? Metadata.empty()
                : Metadata.of(new DefaultIncomingCloudEventMetadata<>(
                        "1.0", id, URI.create("/test"), type, "application/json", null, null, null, Map.of(), data));
        return Message.of(data, metadata)
                .withAck(() -> {
                    outcomes.add("ack");
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(e -> {
                    outcomes.add("nack " + e.getClass().getSimpleName());
                    return CompletableFuture.completedFuture(null);
                });
    }

    @Test
    void anEventOfAHandledTypeIsAppliedThenAcknowledged() {
        handlers.handle(
                record("e1", EventTypes.TENANT_DELETED, EventCodec.encode(new TenantDeleted("t1", Instant.now()))));
        assertThat(handled).containsExactly("e1:t1");
        assertThat(outcomes).containsExactly("ack");
    }

    @Test
    void aTypeThisConsumerDoesNotHandleAndATombstoneAreAcknowledgedUntouched() {
        handlers.handle(record(
                "e2",
                EventTypes.TENANT_UPSERTED,
                EventCodec.encode(new TenantUpserted("t1", "shop", "Shop", "UTC", List.of(), 1, Instant.now()))));
        handlers.handle(record(null, null, null));
        assertThat(handled).isEmpty();
        assertThat(outcomes).containsExactly("ack", "ack");
    }

    @Test
    void aTombstoneGoesToItsHandlerWhenTheConsumerAsksForIt() {
        List<String> tombstones = new ArrayList<>();
        EventHandlers.of(EventHandlersTest.class)
                .onTombstone(in -> tombstones.add("gone"))
                .handle(record(null, null, null));
        assertThat(tombstones).containsExactly("gone");
    }

    @Test
    void anUnreadableRecordOrOneThatCannotBeAppliedIsDeadLetteredAndTheNextStillFlows() {
        handlers.handle(record("e3", EventTypes.TENANT_DELETED, "{not json"));
        handlers.handle(
                record("e4", EventTypes.TENANT_DELETED, EventCodec.encode(new TenantDeleted("poison", Instant.now()))));
        handlers.handle(record("e5", null, "{\"tenantId\":\"t1\"}"));
        handlers.handle(
                record("e6", EventTypes.TENANT_DELETED, EventCodec.encode(new TenantDeleted("t2", Instant.now()))));
        assertThat(outcomes)
                .containsExactly(
                        "nack MalformedEventException",
                        "nack IllegalArgumentException",
                        "nack MalformedEventException",
                        "ack");
        assertThat(handled).containsExactly("e6:t2");
    }
}
