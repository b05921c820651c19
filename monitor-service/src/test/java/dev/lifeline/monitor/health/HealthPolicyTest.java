package dev.lifeline.monitor.health;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HealthPolicyTest {

    @Test
    void quorumIsHalfRoundedUpButAtLeastOne() {
        HealthPolicy policy = HealthPolicy.DEFAULT;
        assertThat(policy.quorumOf(0)).isEqualTo(1);
        assertThat(policy.quorumOf(1)).isEqualTo(1);
        assertThat(policy.quorumOf(2)).isEqualTo(1);
        assertThat(policy.quorumOf(3)).isEqualTo(2);
        assertThat(policy.quorumOf(4)).isEqualTo(2);
    }

    @Test
    void unanimityCanBeRequired() {
        HealthPolicy all = new HealthPolicy(3, 2, 1.0, 21, 40, 20, Duration.ofMinutes(1));
        assertThat(all.quorumOf(3)).isEqualTo(3);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new HealthPolicy(0, 2, 0.5, 21, 40, 20, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HealthPolicy(3, 2, 0, 21, 40, 20, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HealthPolicy(3, 2, 0.5, 21, 20, 40, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
