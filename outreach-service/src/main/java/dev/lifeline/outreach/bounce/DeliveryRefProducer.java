package dev.lifeline.outreach.bounce;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

public class DeliveryRefProducer {

    @Produces
    @Singleton
    DeliveryRef refs(@ConfigProperty(name = "lifeline.link-signing-key") String key) {
        return new DeliveryRef(key);
    }
}
