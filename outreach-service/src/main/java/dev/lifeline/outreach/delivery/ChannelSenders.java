package dev.lifeline.outreach.delivery;

import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.outreach.email.EmailSender;
import dev.lifeline.outreach.sms.SmsSender;
import dev.lifeline.outreach.whatsapp.WhatsAppSender;
import jakarta.enterprise.context.ApplicationScoped;

/** The one place that knows which way out each channel takes: the fan-out and the owner's test sends share it. */
@ApplicationScoped
public class ChannelSenders {

    private final EmailSender email;
    private final SmsSender sms;
    private final WhatsAppSender whatsapp;

    public ChannelSenders(EmailSender email, SmsSender sms, WhatsAppSender whatsapp) {
        this.email = email;
        this.sms = sms;
        this.whatsapp = whatsapp;
    }

    public ChannelSender of(ContactChannel channel) {
        return switch (channel) {
            case SMS -> sms;
            case WHATSAPP -> whatsapp;
            case EMAIL -> email;
        };
    }
}
