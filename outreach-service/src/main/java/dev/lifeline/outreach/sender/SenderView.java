package dev.lifeline.outreach.sender;

import java.time.Instant;

/**
 * The business's sender identity and what its mail says as a result: {@code from} is the From header as sent (the
 * service's default address while no verified domain is in use), {@code signedBy} the DKIM domain and selector.
 */
public record SenderView(
        String displayName, String fromAddress, String replyTo, String from, Signer signedBy, Instant updatedAt) {

    public record Signer(String domain, String selector) {}
}
