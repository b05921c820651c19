package dev.lifeline.events.contact;

import dev.lifeline.events.EventTypes;
import dev.lifeline.events.LifelineEvent;
import dev.lifeline.events.Require;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The full current state of a contact after a change (not a diff), so a consumer that missed earlier events still
 * holds the truth after this one. {@code version} grows with every change of the contact: a consumer ignores an
 * event older than what it holds.
 */
public record ContactUpserted(
        String tenantId,
        String contactId,
        long version,
        String name,
        String email,
        String phone,
        String locale,
        String timeZone,
        List<String> tags,
        List<ContactChannel> channelOrder,
        Map<ContactChannel, ConsentStatus> consents,
        Instant updatedAt)
        implements LifelineEvent {

    public ContactUpserted {
        Require.text(tenantId, "tenantId");
        Require.text(contactId, "contactId");
        Require.present(updatedAt, "updatedAt");
        tags = Require.list(tags);
        channelOrder = Require.list(channelOrder);
        consents = Require.map(consents);
    }

    public ConsentStatus consent(ContactChannel channel) {
        return consents.getOrDefault(channel, ConsentStatus.NONE);
    }

    @Override
    public String eventType() {
        return EventTypes.CONTACT_UPSERTED;
    }

    @Override
    public String partitionKey() {
        return contactId;
    }
}
