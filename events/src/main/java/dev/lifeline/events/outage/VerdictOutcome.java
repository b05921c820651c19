package dev.lifeline.events.outage;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What one probe run said: up, working badly, down, or in planned maintenance (by its status page). */
public enum VerdictOutcome {
    @JsonProperty("ok")
    OK,
    @JsonProperty("degraded")
    DEGRADED,
    @JsonProperty("failed")
    FAILED,
    @JsonProperty("maintenance")
    MAINTENANCE
}
