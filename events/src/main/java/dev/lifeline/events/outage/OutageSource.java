package dev.lifeline.events.outage;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who decided the platform is down: the probes, or a person (who then wins until they resolve it). */
public enum OutageSource {
    @JsonProperty("probe")
    PROBE,
    @JsonProperty("manual")
    MANUAL
}
