package dev.lifeline.localstack.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * How one simulated platform behaves. FLAPPING alternates between UP and FIVE_XX every half period, counted from the
 * moment it was switched.
 */
public record SimulatedHealth(Mode mode, Duration period, Duration slowBy, Instant since) {

    public enum Mode {
        UP,
        SLOW,
        FIVE_XX,
        TIMEOUT,
        GARBAGE,
        FLAPPING,
        /** Works, but its status page says minor / degraded performance; the site answers normally. */
        DEGRADED,
        /** Planned maintenance: the status page says so and the site answers 503. */
        MAINTENANCE;

        public static Mode parse(String text) {
            if (text == null) {
                return null;
            }
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "up", "ok" -> UP;
                case "slow" -> SLOW;
                case "5xx", "down", "error" -> FIVE_XX;
                case "timeout", "hang" -> TIMEOUT;
                case "garbage" -> GARBAGE;
                case "flapping", "flap" -> FLAPPING;
                case "degraded", "minor" -> DEGRADED;
                case "maintenance" -> MAINTENANCE;
                default -> null;
            };
        }

        public String wire() {
            return this == FIVE_XX ? "5xx" : name().toLowerCase(Locale.ROOT);
        }
    }

    public static SimulatedHealth up(Instant now) {
        return new SimulatedHealth(Mode.UP, Duration.ofSeconds(20), Duration.ofSeconds(3), now);
    }

    /** The mode in force at {@code now}: FLAPPING resolves to UP or FIVE_XX. */
    public Mode effective(Instant now) {
        if (mode != Mode.FLAPPING) {
            return mode;
        }
        long half = Math.max(1, period.toMillis() / 2);
        long elapsed = Math.max(0, Duration.between(since, now).toMillis());
        return (elapsed / half) % 2 == 0 ? Mode.FIVE_XX : Mode.UP;
    }
}
