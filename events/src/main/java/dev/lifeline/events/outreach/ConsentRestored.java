package dev.lifeline.events.outreach;

import dev.lifeline.events.EventTypes;
import dev.lifeline.events.LifelineEvent;
import dev.lifeline.events.Require;
import dev.lifeline.events.contact.ContactChannel;

import java.time.Instant;

/**
 * The contact texted START (or a synonym) to the sending number after a texted STOP: the carrier lets messages
 * through again. contact-service confirms the channel again only when its last withdrawal was that STOP, so a START
 * never overrides an unsubscribe or a bounce.
 */
public record ConsentRestored(String tenantId, String contactId, ContactChannel channel, Instant restoredAt)
        implements LifelineEvent {

    public ConsentRestored {
        Require.text(tenantId, "tenantId");
        Require.text(contactId, "contactId");
        Require.present(channel, "channel");
        Require.present(restoredAt, "restoredAt");
    }

    @Override
    public String eventType() {
        return EventTypes.CONSENT_RESTORED;
    }

    @Override
    public String partitionKey() {
        return contactId;
    }
}
