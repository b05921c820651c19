package dev.lifeline.console.dashboard;

import dev.lifeline.console.config.ConsoleConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.time.Duration;

/**
 * One connection per console instance to monitor-service's public status stream, fanned out to every open dashboard.
 * What goes to the browsers is only the id of a catalogue platform that changed (the stream is public anyway): each
 * dashboard then fetches its own business's platforms part, so nothing of one business reaches another.
 */
@ApplicationScoped
public class PlatformChanges {

    /** Keeps idle connections open through proxies that close silent ones; the dashboard ignores it. */
    static final String HEARTBEAT = "heartbeat";

    private final BroadcastProcessor<String> changes = BroadcastProcessor.create();
    private final ConsoleConfig config;
    private StatusStreamReader reader;

    public PlatformChanges(ConsoleConfig config) {
        this.config = config;
    }

    void start(@Observes StartupEvent started) {
        reader = new StatusStreamReader(
                        URI.create(config.services().monitorUrl() + "/api/v1/status/stream"),
                        Duration.ofSeconds(3),
                        changes::onNext)
                .start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (reader != null) {
            reader.close();
        }
    }

    /** Platform ids as they change, with a heartbeat every 25 s; a slow browser misses changes, never slows others. */
    public Multi<String> stream() {
        Multi<String> beats =
                Multi.createFrom().ticks().every(Duration.ofSeconds(25)).map(tick -> HEARTBEAT);
        return Multi.createBy().merging().streams(changes.onOverflow().drop(), beats);
    }
}
