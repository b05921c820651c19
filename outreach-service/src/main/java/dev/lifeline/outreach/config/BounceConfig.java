package dev.lifeline.outreach.config;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * Asynchronous e-mail outcomes: SendGrid's Event Webhook and DSNs piped in by the operator's MTA. Each endpoint
 * refuses everything (403) until its key or secret is set.
 */
@ConfigMapping(prefix = "lifeline.bounces")
public interface BounceConfig {

    SendGrid sendgrid();

    Dsn dsn();

    interface SendGrid {
        /**
         * The Signed Event Webhook's verification key, as SendGrid shows it (base64 of the DER public key, ECDSA
         * P-256). Set, it also makes every e-mail carry {@code X-SMTPAPI} unique args with its delivery reference.
         */
        Optional<String> verificationKey();
    }

    interface Dsn {
        /** The bearer secret the MTA's pipe sends ({@code Authorization: Bearer …}); at least 16 characters. */
        Optional<String> secret();
    }
}
