package dev.lifeline.console.session;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OneTimeTokenTest {

    private static final Instant NOW = Instant.parse("2026-03-05T12:00:00Z");

    @Test
    void aTokenWorksUntilItsExpiryAndNotAtIt() {
        OneTimeToken token = OneTimeToken.issue(NOW, Duration.ofMinutes(15));

        assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(OneTimeToken.live(token.expiresAt(), NOW)).isTrue();
        assertThat(OneTimeToken.live(token.expiresAt(), token.expiresAt().minusMillis(1)))
                .isTrue();
        assertThat(OneTimeToken.live(token.expiresAt(), token.expiresAt())).isFalse();
        assertThat(OneTimeToken.live(token.expiresAt(), NOW.plus(Duration.ofHours(1))))
                .isFalse();
    }

    @Test
    void onlyTheHashIsKept_andEveryTokenIsNew() {
        OneTimeToken one = OneTimeToken.issue(NOW, Duration.ofMinutes(15));
        OneTimeToken two = OneTimeToken.issue(NOW, Duration.ofMinutes(15));

        assertThat(one.hash()).isEqualTo(Tokens.hash(one.token())).doesNotContain(one.token());
        assertThat(one.token()).isNotEqualTo(two.token()).hasSize(43);
    }

    @Test
    void blankOrOverlongValuesAreNotTokens() {
        assertThat(OneTimeToken.plausible(null)).isFalse();
        assertThat(OneTimeToken.plausible(" ")).isFalse();
        assertThat(OneTimeToken.plausible("A".repeat(101))).isFalse();
        assertThat(OneTimeToken.plausible("A".repeat(43))).isTrue();
    }
}
