package dev.lifeline.events.contact;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A way to reach a contact directly, each with its own consent. */
public enum ContactChannel {
    @JsonProperty("email")
    EMAIL,
    @JsonProperty("sms")
    SMS,
    @JsonProperty("whatsapp")
    WHATSAPP
}
