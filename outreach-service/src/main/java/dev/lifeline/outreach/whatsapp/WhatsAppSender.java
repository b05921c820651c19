package dev.lifeline.outreach.whatsapp;

import dev.lifeline.outreach.config.WhatsAppConfig;
import dev.lifeline.outreach.contacts.ProjectedContact;
import dev.lifeline.outreach.delivery.ChannelSender;
import dev.lifeline.outreach.delivery.RenderedMessage;
import dev.lifeline.outreach.delivery.SendResult;
import dev.lifeline.outreach.unsubscribe.ConsentWithdrawals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * WhatsApp template messages through Meta's Cloud API. A recipient who stopped the business's marketing messages in
 * WhatsApp loses WhatsApp consent here, as an SMS STOP does, so no later campaign tries them again.
 */
@ApplicationScoped
public class WhatsAppSender implements ChannelSender {

    @Inject
    WhatsAppConfig config;

    @Inject
    ConsentWithdrawals withdrawals;

    private volatile WhatsAppCloudApi api;

    @Override
    public SendResult send(ProjectedContact contact, RenderedMessage message, String messageKey) {
        if (message.template() == null) {
            return new SendResult.Permanent("whatsapp: the campaign names no template", false);
        }
        WhatsAppAnswer answer = api().send(contact.phone(), message.template());
        if (answer.optedOut()) {
            withdrawals.stoppedOnWhatsApp(contact.tenantId(), contact.contactId());
        }
        return answer.result();
    }

    private WhatsAppCloudApi api() {
        if (api == null) {
            api = new WhatsAppCloudApi(
                    config.baseUrl(), config.apiVersion(), config.phoneNumberId(), config.accessToken());
        }
        return api;
    }
}
