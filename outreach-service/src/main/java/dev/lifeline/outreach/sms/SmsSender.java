package dev.lifeline.outreach.sms;

import dev.lifeline.outreach.config.OutreachConfig;
import dev.lifeline.outreach.config.SmsConfig;
import dev.lifeline.outreach.contacts.ProjectedContact;
import dev.lifeline.outreach.delivery.ChannelSender;
import dev.lifeline.outreach.delivery.RenderedMessage;
import dev.lifeline.outreach.delivery.SendResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * SMS through Twilio's Messages API, and through Vonage's SMS API when Twilio fails or throttles (once a Vonage key is
 * configured); other providers implement {@link SmsProvider}.
 */
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
            SmsProvider twilio = new TwilioSmsProvider(
                    config.twilio().baseUrl(),
                    config.twilio().accountSid(),
                    config.twilio().authToken(),
                    config.twilio().from(),
                    TwilioStatusResource.callbackUrl(outreach));
            SmsConfig.Vonage vonage = config.vonage();
            provider = vonage.apiKey().isEmpty()
                    ? twilio
                    : new FailoverSmsProvider(
                            twilio,
                            new VonageSmsProvider(
                                    vonage.baseUrl(),
                                    vonage.apiKey().get(),
                                    vonage.apiSecret().orElse(""),
                                    vonage.from()),
                            config.failoverCoolDown(),
                            Clock.systemUTC());
        }
        return provider;
    }
}
