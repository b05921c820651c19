package dev.lifeline.outreach.unsubscribe;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

public class LinkSignerProducer {

    @Produces
    @Singleton
    LinkSigner signer(@ConfigProperty(name = "lifeline.link-signing-key") String key) {
        return new LinkSigner(key);
    }
}
