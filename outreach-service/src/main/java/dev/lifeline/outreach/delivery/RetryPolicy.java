package dev.lifeline.outreach.delivery;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Retries transient failures with exponential backoff: a throttling SMTP server or SMS gateway slows us down, it
 * never makes us drop a message silently. Permanent answers are returned at once.
 */
public final class RetryPolicy {

    public interface Sleeper {
        void sleep(Duration d);
    }

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Sleeper sleeper;

    public RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Sleeper sleeper) {
        this.maxAttempts = Math.max(1, maxAttempts);
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.sleeper = sleeper;
    }

    /** @param onRetry told of each transient error before the wait */
    public SendResult run(Supplier<SendResult> send, Consumer<SendResult.Transient> onRetry) {
        Duration backoff = initialBackoff;
        for (int attempt = 1; ; attempt++) {
            SendResult result = send.get();
            if (!(result instanceof SendResult.Transient transientError)) {
                return result;
            }
            if (attempt >= maxAttempts) {
                return new SendResult.Permanent(
                        transientError.error() + " (gave up after " + attempt + " attempts)", false);
            }
            onRetry.accept(transientError);
            sleeper.sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        }
    }

    public static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
