package dev.lifeline.contact.optin;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    @Test
    void allowsTheLimitPerWindowThenSaysHowLongToWait() {
        RateLimiter limiter = new RateLimiter(2, Duration.ofMinutes(1));
        assertThat(limiter.acquire("ip", 0)).isEmpty();
        assertThat(limiter.acquire("ip", 1_000)).isEmpty();
        assertThat(limiter.acquire("ip", 15_000)).hasValue(45);
        assertThat(limiter.acquire("other", 15_000)).isEmpty();
        assertThat(limiter.acquire("ip", 60_000)).isEmpty();
    }
}
