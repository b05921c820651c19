package dev.lifeline.outreach.sms;

import dev.lifeline.outreach.contacts.ProjectedContact;
import dev.lifeline.outreach.OutreachConfig;
import dev.lifeline.outreach.delivery.ChannelSender;
import dev.lifeline.outreach.delivery.RenderedMessage;
import dev.lifeline.outreach.delivery.SendResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** SMS through the configured provider (Twilio's Messages API); other providers implement {@link SmsProvider}. */
@ApplicationScoped
public class SmsSender implements ChannelSender {

    @Inject
    SmsConfig config;
    @Inject
    OutreachConfig outreach;

    private volatile SmsProvider provider;

    @Override
    public SendResult send(ProjectedContact contact, RenderedMessage message, String messageKey) {
        return provider().send(contact.phone(), message.text());
    }

    private SmsProvider provider() {
        if (provider == null) {
            provider = new TwilioSmsProvider(config.twilio().baseUrl(), config.twilio().accountSid(),
                    config.twilio().authToken(), config.twilio().from(), TwilioStatusResource.callbackUrl(outreach));
        }
        return provider;
    }
}
