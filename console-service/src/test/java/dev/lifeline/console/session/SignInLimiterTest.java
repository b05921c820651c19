package dev.lifeline.console.session;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SignInLimiterTest {

    private final MutableClock clock = new MutableClock();
    private final SignInLimiter limiter = new SignInLimiter(3, 5, Duration.ofMinutes(15), clock);

    @Test
    void anAddressIsPausedAfterItsFailures_untilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.attempt("ip-" + i, "ada@example.com")).isEmpty();
            limiter.failed("ada@example.com");
        }

        assertThat(limiter.attempt("ip-x", "ada@example.com")).contains(Duration.ofMinutes(15));
        assertThat(limiter.attempt("ip-y", "bob@example.com")).isEmpty();
        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertThat(limiter.attempt("ip-z", "ada@example.com")).isEmpty();
    }

    @Test
    void oneIpIsPausedAfterItsAttempts_whateverAddressesItTries() {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.attempt("10.0.0.1", "user" + i + "@example.com")).isEmpty();
        }

        assertThat(limiter.attempt("10.0.0.1", "another@example.com")).isPresent();
        assertThat(limiter.attempt("10.0.0.2", "another@example.com")).isEmpty();
    }

    @Test
    void aSuccessForgivesTheAddressesEarlierFailures() {
        limiter.failed("ada@example.com");
        limiter.failed("ada@example.com");
        limiter.succeeded("ada@example.com");
        limiter.failed("ada@example.com");
        limiter.failed("ada@example.com");

        assertThat(limiter.attempt("ip", "ada@example.com")).isEmpty();
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
