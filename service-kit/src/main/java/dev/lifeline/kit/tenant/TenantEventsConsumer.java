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
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Keeps the tenant projection current from tenants.v1 and, on {@code tenant.deleted}, runs the service's
 * {@link TenantErasure} beans in the same transaction. A record that cannot be read goes to the dead-letter topic.
 */
@ApplicationScoped
@IfBuildProperty(name = "lifeline.tenants.projection", stringValue = "true")
public class TenantEventsConsumer {

    private static final String CONSUMER = "tenant-projection";

    private final TenantProjection projection;
    private final ProcessedEvents processed;
    private final Instance<TenantErasure> erasures;

    public TenantEventsConsumer(
            TenantProjection projection, ProcessedEvents processed, @Any Instance<TenantErasure> erasures) {
        this.projection = projection;
        this.processed = processed;
        this.erasures = erasures;
    }

    @Incoming(Channels.TENANTS_IN)
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        try {
            InboundEvent inbound = InboundEvent.of(message);
            if (!inbound.isTombstone()) {
                LifelineEvent event = inbound.decode();
                boolean erased = DatabaseOutage.waitOut(
                        TenantEventsConsumer.class,
                        () -> QuarkusTransaction.requiringNew().call(() -> {
                            if (!processed.firstTime(CONSUMER, inbound.id())) {
                                return false;
                            }
                            if (event instanceof TenantUpserted upserted) {
                                projection.apply(upserted);
                            } else if (event instanceof TenantDeleted deleted) {
                                projection.apply(deleted);
                                erasures.forEach(erasure -> erasure.erase(deleted.tenantId()));
                                return true;
                            }
                            return false;
                        }));
                if (erased) {
                    String tenantId = ((TenantDeleted) event).tenantId();
                    erasures.forEach(erasure -> erasure.afterCommit(tenantId));
                }
            }
            return message.ack();
        } catch (RuntimeException e) {
            return message.nack(e);
        }
    }
}
