package dev.lifeline.outreach.campaign;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lifeline.events.contact.ContactChannel;

import java.util.Locale;

/** How a campaign reaches people: per contact by e-mail, SMS or WhatsApp, or once per run to the business's own webhook. */
public enum CampaignChannel {
    @JsonProperty("email")
    EMAIL(ContactChannel.EMAIL),
    @JsonProperty("sms")
    SMS(ContactChannel.SMS),
    @JsonProperty("webhook")
    WEBHOOK(null),
    @JsonProperty("whatsapp")
    WHATSAPP(ContactChannel.WHATSAPP);

    private final ContactChannel contactChannel;

    CampaignChannel(ContactChannel contactChannel) {
        this.contactChannel = contactChannel;
    }

    /** The contact channel (and consent) this campaign uses; null for webhooks, which go to the business. */
    public ContactChannel contactChannel() {
        return contactChannel;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CampaignChannel of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
