package dev.lifeline.kit.egress;

import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;

/** The guard and the guarded client every service shares, built from {@link EgressConfig}. */
@Singleton
public class EgressProducers {

    @Produces
    @Singleton
    EgressGuard guard(EgressConfig config, EgressResolver resolver) {
        return EgressGuard.of(config, resolver);
    }

    @Produces
    @Singleton
    GuardedHttpClient client(Vertx vertx, EgressGuard guard) {
        return new GuardedHttpClient(vertx, guard, Duration.ofSeconds(5), 64);
    }

    void close(@Disposes GuardedHttpClient client) {
        client.close();
    }
}
