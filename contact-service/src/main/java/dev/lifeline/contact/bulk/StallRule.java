package dev.lifeline.contact.bulk;

import java.time.Duration;
import java.time.Instant;

/**
 * When a re-upload may resume an import job: the job failed, or it is queued/running but its heartbeat has not moved
 * for {@code stallAfter} (its worker died with the process, or never got to it). A done job is never resumed, and a
 * live one is left to its worker.
 */
public record StallRule(Duration stallAfter) {

    public StallRule {
        if (stallAfter.isNegative() || stallAfter.isZero()) {
            throw new IllegalArgumentException("lifeline.contact.import-stall-after must be positive");
        }
    }

    public boolean resumable(String state, Instant heartbeat, Instant now) {
        return switch (state) {
            case "failed" -> true;
            case "queued", "running" ->
                heartbeat == null || !heartbeat.plus(stallAfter).isAfter(now);
            default -> false;
        };
    }
}
