package dev.lifeline.events.outreach;

import dev.lifeline.events.EventTypes;
import dev.lifeline.events.LifelineEvent;
import dev.lifeline.events.Require;
import dev.lifeline.events.contact.ContactChannel;

/**
 * One message to send: a campaign run's recipient on one channel. The sender claims (runId, contactId, channel) in
 * its ledger before sending, so a redelivered job never sends twice.
 */
public record DeliveryJob(String tenantId, String runId, String campaignId, String contactId, ContactChannel channel)
        implements LifelineEvent {

    public DeliveryJob {
        Require.text(tenantId, "tenantId");
        Require.text(runId, "runId");
        Require.text(campaignId, "campaignId");
        Require.text(contactId, "contactId");
        Require.present(channel, "channel");
    }

    @Override
    public String eventType() {
        return EventTypes.DELIVERY_REQUESTED;
    }

    @Override
    public String partitionKey() {
        return contactId;
    }
}
