package dev.lifeline.outreach.delivery;

/** What a provider said about one message. */
public sealed interface SendResult {

    record Sent(String providerMessageId) implements SendResult {}

    /** Try again later: throttling (SMTP 4xx, HTTP 429/5xx), connection trouble. */
    record Transient(String error) implements SendResult {}

    /** Will never work as is; {@code hardBounce} when the address itself is bad and must be suppressed. */
    record Permanent(String error, boolean hardBounce) implements SendResult {}
}
