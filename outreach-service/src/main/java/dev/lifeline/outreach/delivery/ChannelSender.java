package dev.lifeline.outreach.delivery;

import dev.lifeline.outreach.contacts.ProjectedContact;

/** One way out (SMTP, an SMS provider). Implementations classify errors; they never throw for a provider's answer. */
public interface ChannelSender {

    SendResult send(ProjectedContact contact, RenderedMessage message, String messageKey);
}
