package dev.lifeline.monitor.verdict;

import dev.lifeline.events.Channels;
import dev.lifeline.events.outage.ProbeVerdict;
import dev.lifeline.kit.inbox.EventHandlers;
import dev.lifeline.monitor.health.HealthMonitor;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Feeds every other instance's verdicts into this instance's state machines. Each instance reads the whole topic in
 * a consumer group of its own. A verdict older than its voter's staleness (a backlog after a pause) is skipped: it
 * would only replay history into the flap detector. Idempotence needs no log here: a verdict is the voter's latest
 * state, so a redelivered one moves the voter's counters by one run at most, which the next run corrects.
 */
@ApplicationScoped
public class VerdictConsumer {

    private static final Duration DEFAULT_STALE = Duration.ofMinutes(1);

    private final HealthMonitor health;
    private final Clock clock;
    private final EventHandlers handlers;

    public VerdictConsumer(HealthMonitor health, Clock clock) {
        this.health = health;
        this.clock = clock;
        this.handlers =
                EventHandlers.of(VerdictConsumer.class).on(ProbeVerdict.class, (in, verdict) -> acceptIfFresh(verdict));
    }

    @Incoming(Channels.VERDICTS_IN)
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        return handlers.handle(message);
    }

    private void acceptIfFresh(ProbeVerdict verdict) {
        Duration stale = verdict.staleAfterMs() > 0 ? Duration.ofMillis(verdict.staleAfterMs()) : DEFAULT_STALE;
        if (!verdict.observedAt().plus(stale).isBefore(clock.instant())) {
            health.acceptRemote(verdict);
        }
    }
}
