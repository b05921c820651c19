package dev.lifeline.events.outreach;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why outreach stopped messaging a contact on a channel. */
public enum WithdrawalReason {
    @JsonProperty("unsubscribe") UNSUBSCRIBE,
    @JsonProperty("hard-bounce") HARD_BOUNCE,
    /** STOP (or a synonym) texted to the sending number; only this kind of withdrawal can a texted START undo. */
    @JsonProperty("texted-stop") TEXTED_STOP
}
