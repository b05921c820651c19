package dev.lifeline.events.outreach;

import dev.lifeline.events.EventTypes;
import dev.lifeline.events.LifelineEvent;
import dev.lifeline.events.Require;
import dev.lifeline.events.contact.ContactChannel;

import java.time.Instant;

/** A contact withdrew consent for a channel at outreach (unsubscribe link, hard bounce); contact-service records it. */
public record ConsentWithdrawn(
        String tenantId,
        String contactId,
        ContactChannel channel,
        WithdrawalReason reason,
        Instant withdrawnAt,
        String ip,
        String userAgent)
        implements LifelineEvent {

    public ConsentWithdrawn {
        Require.text(tenantId, "tenantId");
        Require.text(contactId, "contactId");
        Require.present(channel, "channel");
        Require.present(reason, "reason");
        Require.present(withdrawnAt, "withdrawnAt");
    }

    @Override
    public String eventType() {
        return EventTypes.CONSENT_WITHDRAWN;
    }

    @Override
    public String partitionKey() {
        return contactId;
    }
}
