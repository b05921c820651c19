package dev.lifeline.outreach.campaign;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/** Sent when an outage starts, or the optional "we're back" message when it is resolved. */
public enum CampaignKind {
    @JsonProperty("outage")
    OUTAGE,
    @JsonProperty("recovery")
    RECOVERY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CampaignKind of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
