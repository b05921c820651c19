package dev.lifeline.events.outage;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How bad an outage is, in the Statuspage vocabulary that outside systems already know. */
public enum Severity {
    @JsonProperty("minor")
    MINOR,
    @JsonProperty("major")
    MAJOR,
    @JsonProperty("critical")
    CRITICAL
}
