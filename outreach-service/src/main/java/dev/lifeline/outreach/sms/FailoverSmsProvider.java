package dev.lifeline.outreach.sms;

import dev.lifeline.outreach.delivery.SendResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Two SMS providers, the second taking over when the first fails or throttles. A message the first refused for its
 * recipient (a bad or opted-out number) is not offered to the second: it would refuse it too, or worse, deliver to
 * someone who said STOP. After a failure of the first, messages go straight to the second for a cool-down, so an
 * outage of the first costs one failed attempt per cool-down rather than one per message; then the first is tried
 * again.
 */
public final class FailoverSmsProvider implements SmsProvider {

    private final SmsProvider first;
    private final SmsProvider second;
    private final Duration coolDown;
    private final Clock clock;
    private final AtomicReference<Instant> firstResumesAt = new AtomicReference<>(Instant.MIN);

    public FailoverSmsProvider(SmsProvider first, SmsProvider second, Duration coolDown, Clock clock) {
        this.first = first;
        this.second = second;
        this.coolDown = coolDown;
        this.clock = clock;
    }

    @Override
    public SendResult send(String toE164, String body) {
        if (clock.instant().isBefore(firstResumesAt.get())) {
            return second.send(toE164, body);
        }
        SendResult result = first.send(toE164, body);
        if (!providerFailed(result)) {
            return result;
        }
        firstResumesAt.set(clock.instant().plus(coolDown));
        SendResult fallback = second.send(toE164, body);
        // When both fail, the first's answer says more about what to do next (its retry-after, its error code).
        return fallback instanceof SendResult.Sent ? fallback : result;
    }

    /**
     * The provider, not the recipient, is the problem: throttling, an outage, or an account-level refusal. A bad
     * number, and a recipient who texted STOP (Twilio's 21610), come back as a hard bounce and stay with the first.
     */
    static boolean providerFailed(SendResult result) {
        return result instanceof SendResult.Transient
                || result instanceof SendResult.Permanent permanent && !permanent.hardBounce();
    }
}
