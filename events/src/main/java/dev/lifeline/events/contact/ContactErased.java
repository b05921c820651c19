package dev.lifeline.events.contact;

import dev.lifeline.events.EventTypes;
import dev.lifeline.events.LifelineEvent;
import dev.lifeline.events.Require;

import java.time.Instant;

/** The contact's personal data were erased (GDPR art. 17): every copy downstream must be purged. A tombstone follows. */
public record ContactErased(String tenantId, String contactId, Instant erasedAt) implements LifelineEvent {

    public ContactErased {
        Require.text(tenantId, "tenantId");
        Require.text(contactId, "contactId");
        Require.present(erasedAt, "erasedAt");
    }

    @Override
    public String eventType() {
        return EventTypes.CONTACT_ERASED;
    }

    @Override
    public String partitionKey() {
        return contactId;
    }
}
