package dev.lifeline.outreach.bounce;

import dev.lifeline.outreach.config.BounceConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** The configured verification key, parsed once; a key that is set but unreadable stops the start, naming it. */
@Startup
@ApplicationScoped
public class SendGridKey {

    private final Optional<SendGridSignature> signature;

    @Inject
    public SendGridKey(BounceConfig config) {
        signature =
                config.sendgrid().verificationKey().filter(k -> !k.isBlank()).map(SendGridSignature::new);
    }

    /** Empty when SendGrid is not set up: every post is then refused. */
    public Optional<SendGridSignature> signature() {
        return signature;
    }
}
