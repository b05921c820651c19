package dev.lifeline.monitor.health;

import java.time.Duration;

/**
 * Tuning of the state machine.
 *
 * @param failureThreshold consecutive failures of a voter before it counts as "down"
 * @param successThreshold consecutive successes of a voter before it counts as "recovered"
 * @param quorum           fraction (0..1] of a platform's voters that must agree before the platform changes state
 * @param flapWindow       number of recent platform verdicts the flap detector looks at (Nagios uses 21)
 * @param flapHigh         percent state change at or above which the platform is flapping
 * @param flapLow          percent state change below which a flapping platform is stable again
 * @param voterTtl         a voter silent for longer than this no longer counts (a dead instance must not hold quorum)
 */
public record HealthPolicy(
        int failureThreshold,
        int successThreshold,
        double quorum,
        int flapWindow,
        double flapHigh,
        double flapLow,
        Duration voterTtl) {

    public static final HealthPolicy DEFAULT = new HealthPolicy(3, 2, 0.5, 21, 25.0, 10.0, Duration.ofMinutes(10));

    public HealthPolicy {
        if (failureThreshold < 1 || successThreshold < 1) {
            throw new IllegalArgumentException("thresholds must be at least 1");
        }
        if (!(quorum > 0 && quorum <= 1)) {
            throw new IllegalArgumentException("quorum must be in (0, 1]");
        }
        if (flapWindow < 3 || flapLow > flapHigh) {
            throw new IllegalArgumentException("flap window must be >= 3 and low <= high");
        }
    }

    /** How many of {@code voters} make a quorum: never zero, never more than all of them. */
    public int quorumOf(int voters) {
        return Math.max(1, Math.min(voters, (int) Math.ceil(quorum * voters - 1e-9)));
    }
}
