package dev.lifeline.monitor.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lifeline.monitor.outage.OutageView;

import java.time.Instant;

/**
 * One platform at a glance. {@code state} is up/degraded/down/recovering/maintenance from the probes, "down" while a person's
 * outage is open, and "unknown" for a platform nobody probes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlatformStatus(
        String platformId,
        String name,
        String tenantId,
        String state,
        boolean flapping,
        Instant since,
        OutageView outage) {

    public boolean isDown() {
        return outage != null;
    }
}
