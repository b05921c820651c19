package dev.lifeline.outreach.dependencies;

import dev.lifeline.events.Channels;
import dev.lifeline.events.tenant.DependenciesChanged;
import dev.lifeline.kit.inbox.EventHandlers;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** tenant-dependencies.v1 → outreach's copy of each business's dependencies. */
@ApplicationScoped
public class DependenciesConsumer {

    private final EventHandlers handlers;

    public DependenciesConsumer(TenantDependencies dependencies) {
        this.handlers = EventHandlers.of(DependenciesConsumer.class)
                .on(DependenciesChanged.class, (in, changed) -> dependencies.replace(changed));
    }

    @Incoming(Channels.DEPENDENCIES_IN)
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        return handlers.handle(message);
    }
}
