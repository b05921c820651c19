package dev.lifeline.events.contact;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Consent for one channel. Only {@link #CONFIRMED} allows a message on that channel. */
public enum ConsentStatus {
    @JsonProperty("none")
    NONE,
    @JsonProperty("pending")
    PENDING,
    @JsonProperty("confirmed")
    CONFIRMED,
    @JsonProperty("withdrawn")
    WITHDRAWN
}
