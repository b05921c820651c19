package dev.lifeline.outreach.contacts;

import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;

import java.util.List;
import java.util.Map;

/** A contact as outreach holds it: what a message needs, nothing more. */
public record ProjectedContact(
        String tenantId,
        String contactId,
        String name,
        String email,
        String phone,
        String locale,
        String timeZone,
        List<String> tags,
        List<ContactChannel> channelOrder,
        Map<ContactChannel, ConsentStatus> consents) {

    public boolean confirmed(ContactChannel channel) {
        return consents.getOrDefault(channel, ConsentStatus.NONE) == ConsentStatus.CONFIRMED;
    }
}
