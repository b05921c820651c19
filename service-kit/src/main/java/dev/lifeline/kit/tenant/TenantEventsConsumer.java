package dev.lifeline.kit.tenant;

import dev.lifeline.events.Channels;
import dev.lifeline.events.LifelineEvent;
import dev.lifeline.events.tenant.TenantDeleted;
import dev.lifeline.events.tenant.TenantUpserted;
import dev.lifeline.kit.inbox.DatabaseOutage;
import dev.lifeline.kit.inbox.InboundEvent;
import dev.lifeline.kit.inbox.ProcessedEvents;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** Keeps the tenant projection current from tenants.v1. A record that cannot be read goes to the dead-letter topic. */
@ApplicationScoped
@IfBuildProperty(name = "lifeline.tenants.projection", stringValue = "true")
public class TenantEventsConsumer {

    private static final String CONSUMER = "tenant-projection";

    private final TenantProjection projection;
    private final ProcessedEvents processed;

    public TenantEventsConsumer(TenantProjection projection, ProcessedEvents processed) {
        this.projection = projection;
        this.processed = processed;
    }

    @Incoming(Channels.TENANTS_IN)
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        try {
            InboundEvent inbound = InboundEvent.of(message);
            if (!inbound.isTombstone()) {
                LifelineEvent event = inbound.decode();
                DatabaseOutage.waitOut(() -> QuarkusTransaction.requiringNew().run(() -> {
                    if (processed.firstTime(CONSUMER, inbound.id())) {
                        if (event instanceof TenantUpserted upserted) {
                            projection.apply(upserted);
                        } else if (event instanceof TenantDeleted deleted) {
                            projection.apply(deleted);
                        }
                    }
                }));
            }
            return message.ack();
        } catch (RuntimeException e) {
            return message.nack(e);
        }
    }
}
