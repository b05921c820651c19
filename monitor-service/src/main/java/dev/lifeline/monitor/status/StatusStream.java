package dev.lifeline.monitor.status;

import dev.lifeline.events.outage.CatalogPlatforms;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/**
 * Fans changes of catalogue platforms out to every connected SSE client: outage changes from platform-outages.v1
 * (so every replica shows every outage, see {@link OutageFeed}) and this replica's state machine changes (fed by every
 * replica's verdicts). A slow client drops changes rather than slow us down.
 */
@ApplicationScoped
public class StatusStream {

    private final BroadcastProcessor<StatusChange> processor = BroadcastProcessor.create();
    private final Clock clock;

    public StatusStream(Clock clock) {
        this.clock = clock;
    }

    public void stateChanged(String platformId, String state) {
        publish(new StatusChange("state.changed", platformId, state, null, null, null, clock.instant()));
    }

    /** The stream is public: tenants' own platforms stay private to them. */
    void publish(StatusChange change) {
        if (CatalogPlatforms.isCatalogued(change.platformId())) {
            processor.onNext(change);
        }
    }

    public Multi<StatusChange> changes() {
        return processor.onOverflow().drop();
    }
}
