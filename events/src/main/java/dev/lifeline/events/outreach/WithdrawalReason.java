package dev.lifeline.events.outreach;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Why outreach stopped messaging a contact on a channel. {@code complaint}: the recipient marked an e-mail as spam
 * (a provider's feedback loop, e.g. SendGrid's {@code spamreport}); mailing them again would hurt every business's
 * sender reputation, so it withdraws consent as an unsubscribe does.
 */
public enum WithdrawalReason {
    @JsonProperty("unsubscribe")
    UNSUBSCRIBE,
    @JsonProperty("hard-bounce")
    HARD_BOUNCE,
    /** STOP (or a synonym) texted to the sending number; only this kind of withdrawal can a texted START undo. */
    @JsonProperty("texted-stop")
    TEXTED_STOP,
    @JsonProperty("complaint")
    COMPLAINT
}
