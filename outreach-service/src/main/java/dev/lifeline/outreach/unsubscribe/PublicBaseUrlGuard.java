package dev.lifeline.outreach.unsubscribe;

import dev.lifeline.outreach.config.OutreachConfig;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Refuses to start the production profile with a public base URL that is not https ({@link PublicBaseUrl}). */
@ApplicationScoped
@IfBuildProfile("prod")
public class PublicBaseUrlGuard {

    void check(@Observes StartupEvent event, OutreachConfig config) {
        PublicBaseUrl.refusal(config.publicBaseUrl()).ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
    }
}
