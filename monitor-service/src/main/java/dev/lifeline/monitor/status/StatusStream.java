package dev.lifeline.monitor.status;

import dev.lifeline.monitor.outage.OutageChanged;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.time.Clock;
import java.util.Locale;

/**
 * Fans committed changes of catalogue platforms out to every connected SSE client; a slow client drops changes
 * rather than slow us down.
 */
@ApplicationScoped
public class StatusStream {

    private final BroadcastProcessor<StatusChange> processor = BroadcastProcessor.create();
    private final Clock clock;

    public StatusStream(Clock clock) {
        this.clock = clock;
    }

    void onOutage(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutageChanged change) {
        var o = change.outage();
        publish(new StatusChange("outage." + change.kind(), o.platformId(), o.open() ? "down" : "up", o.id(),
                o.source().name().toLowerCase(Locale.ROOT), o.severity().name().toLowerCase(Locale.ROOT), clock.instant()));
    }

    public void stateChanged(String platformId, String state) {
        publish(new StatusChange("state.changed", platformId, state, null, null, null, clock.instant()));
    }

    /** The stream is public: tenants' own platforms stay private to them. */
    private void publish(StatusChange change) {
        if (dev.lifeline.events.outage.CatalogPlatforms.isCatalogued(change.platformId())) {
            processor.onNext(change);
        }
    }

    public Multi<StatusChange> changes() {
        return processor.onOverflow().drop();
    }
}
