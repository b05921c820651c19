package dev.lifeline.console.web;

import java.time.Duration;

/** A rate limit was reached: answered 429 with Retry-After and a page saying when to try again. */
public class TooManyAttemptsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super("too many attempts", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
