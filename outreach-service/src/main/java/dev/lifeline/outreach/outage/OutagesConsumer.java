package dev.lifeline.outreach.outage;

import dev.lifeline.events.Channels;
import dev.lifeline.events.outage.OutageResolved;
import dev.lifeline.events.outage.OutageStarted;
import dev.lifeline.kit.inbox.EventHandlers;
import dev.lifeline.outreach.run.RunLauncher;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** platform-outages.v1 → scheduled campaign runs; the launcher wakes when some are due. */
@ApplicationScoped
public class OutagesConsumer {

    private final EventHandlers handlers;

    public OutagesConsumer(OutageReaction reaction, RunLauncher launcher) {
        this.handlers = EventHandlers.of(OutagesConsumer.class)
                .on(OutageStarted.class, (in, started) -> wakeFor(launcher, reaction.started(in, started)))
                .on(OutageResolved.class, (in, resolved) -> wakeFor(launcher, reaction.resolved(in, resolved)));
    }

    @Incoming(Channels.OUTAGES_IN)
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return handlers.handle(message);
    }

    private static void wakeFor(RunLauncher launcher, int scheduledRuns) {
        if (scheduledRuns > 0) {
            launcher.wake();
        }
    }
}
