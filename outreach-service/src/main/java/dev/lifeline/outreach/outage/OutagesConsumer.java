package dev.lifeline.outreach.outage;

import dev.lifeline.events.Channels;
import dev.lifeline.kit.inbox.DatabaseOutage;
import dev.lifeline.kit.inbox.InboundEvent;
import dev.lifeline.outreach.run.RunLauncher;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletionStage;

/** platform-outages.v1 → scheduled campaign runs. */
@ApplicationScoped
public class OutagesConsumer {

    private static final Logger LOG = Logger.getLogger(OutagesConsumer.class);

    @Inject
    OutageReaction reaction;
    @Inject
    RunLauncher launcher;

    @Incoming(Channels.OUTAGES_IN)
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        InboundEvent in;
        try {
            in = InboundEvent.of(message);
            if (in.isTombstone()) {
                return message.ack();
            }
            InboundEvent event = in;
            if (DatabaseOutage.waitOut(OutagesConsumer.class, () -> reaction.apply(event)) > 0) {
                launcher.wake();
            }
            return message.ack();
        } catch (RuntimeException e) {
            LOG.warnf("platform-outages.v1 record rejected to the DLQ: %s: %s", e.getClass().getSimpleName(), e.getMessage());
            return message.nack(e);
        }
    }
}
