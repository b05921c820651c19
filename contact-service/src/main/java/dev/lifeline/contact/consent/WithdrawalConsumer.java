package dev.lifeline.contact.consent;

import dev.lifeline.contact.input.Ids;
import dev.lifeline.events.Channels;
import dev.lifeline.events.MalformedEventException;
import dev.lifeline.events.outreach.ConsentRestored;
import dev.lifeline.events.outreach.ConsentWithdrawn;
import dev.lifeline.kit.inbox.EventHandlers;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Consent changes heard at outreach-service (unsubscribes, hard bounces, spam complaints, texted STOP and START)
 * become ledger lines and a new contact state. A record that cannot be read or names no valid contact goes to the
 * dead-letter topic instead of blocking the partition.
 */
@ApplicationScoped
public class WithdrawalConsumer {

    private final EventHandlers handlers;

    public WithdrawalConsumer(WithdrawalRecorder recorder, ConsentRestorer restorer) {
        this.handlers = EventHandlers.of(WithdrawalConsumer.class)
                .on(
                        ConsentWithdrawn.class,
                        (in, withdrawn) -> recorder.record(
                                in.id(),
                                validIds(withdrawn, withdrawn.tenantId(), withdrawn.contactId()),
                                WithdrawalRecorder.source(withdrawn.reason())))
                .on(
                        ConsentRestored.class,
                        (in, restored) -> restorer.restore(
                                in.id(), validIds(restored, restored.tenantId(), restored.contactId())));
    }

    @Incoming(Channels.WITHDRAWALS_IN)
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return handlers.handle(message);
    }

    private static <E> E validIds(E event, String tenantId, String contactId) {
        if (Ids.parse(tenantId) == null || Ids.parse(contactId) == null) {
            throw new MalformedEventException("tenantId and contactId must be UUIDs");
        }
        return event;
    }
}
