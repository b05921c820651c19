package dev.lifeline.events.outreach;

import dev.lifeline.events.EventTypes;
import dev.lifeline.events.LifelineEvent;
import dev.lifeline.events.MalformedEventException;
import dev.lifeline.events.Require;
import dev.lifeline.events.contact.ContactChannel;

import java.util.List;

/**
 * A slice of a campaign run's audience to send on one channel: the sender claims every (runId, contactId, channel) of
 * it in its ledger with one statement before sending, so a redelivered batch never sends twice. One record carries
 * many recipients, so a run of 100,000 is a few hundred records, not 100,000. Key: {@code runId/slice}.
 */
public record DeliveryBatch(
        String tenantId, String runId, String campaignId, ContactChannel channel, int slice, List<String> contactIds)
        implements LifelineEvent {

    /** Kafka's default record limit is 1 MB; ids are short, so this stays far below it. */
    public static final int MAX_CONTACTS = 5000;

    public DeliveryBatch {
        Require.text(tenantId, "tenantId");
        Require.text(runId, "runId");
        Require.text(campaignId, "campaignId");
        Require.present(channel, "channel");
        contactIds = Require.list(contactIds);
        if (contactIds.isEmpty() || contactIds.size() > MAX_CONTACTS) {
            throw new MalformedEventException("'contactIds' must hold 1 to " + MAX_CONTACTS + " ids");
        }
        contactIds.forEach(id -> Require.text(id, "contactIds[]"));
    }

    @Override
    public String eventType() {
        return EventTypes.DELIVERY_BATCH_REQUESTED;
    }

    @Override
    public String partitionKey() {
        return runId + "/" + slice;
    }
}
