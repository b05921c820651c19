package dev.lifeline.events.outreach;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why outreach stopped messaging a contact on a channel. */
public enum WithdrawalReason {
    @JsonProperty("unsubscribe") UNSUBSCRIBE,
    @JsonProperty("hard-bounce") HARD_BOUNCE
}
