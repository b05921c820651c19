package dev.lifeline.contact.bulk;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StallRuleTest {

    static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");
    final StallRule rule = new StallRule(Duration.ofSeconds(30));

    @Test
    void aQueuedOrRunningJobIsInterruptedOnceItsHeartbeatIsOlderThanTheStallTime() {
        for (String state : new String[] {"queued", "running"}) {
            assertThat(rule.resumable(state, NOW.minusSeconds(29), NOW))
                    .as(state)
                    .isFalse();
            assertThat(rule.resumable(state, NOW, NOW)).as(state).isFalse();
            assertThat(rule.resumable(state, NOW.minusSeconds(30), NOW))
                    .as(state)
                    .isTrue();
            assertThat(rule.resumable(state, NOW.minusSeconds(3600), NOW))
                    .as(state)
                    .isTrue();
            assertThat(rule.resumable(state, null, NOW)).as(state).isTrue();
        }
    }

    @Test
    void aFailedJobIsAlwaysResumableADoneOneNever() {
        assertThat(rule.resumable("failed", NOW, NOW)).isTrue();
        assertThat(rule.resumable("done", NOW.minusSeconds(3600), NOW)).isFalse();
        assertThat(rule.resumable("done", NOW, NOW)).isFalse();
    }

    @Test
    void theStallTimeMustBePositive() {
        assertThatThrownBy(() -> new StallRule(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StallRule(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
