package dev.lifeline.contact.profile;

import dev.lifeline.events.contact.ContactChannel;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A contact as the API shows it. */
public record ContactView(
        String id,
        String name,
        String email,
        String phone,
        Map<String, String> consents,
        List<String> channelOrder,
        List<String> tags,
        String locale,
        String timeZone,
        String source,
        Map<String, Object> attributes,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static ContactView of(Contact c) {
        Map<String, String> consents = new LinkedHashMap<>();
        for (ContactChannel channel : ContactChannel.values()) {
            consents.put(ConsentStates.name(channel), ConsentStates.format(c.consent(channel)));
        }
        return new ContactView(
                c.id.toString(),
                c.name,
                c.email,
                c.phone,
                consents,
                c.channelOrderList().stream().map(ConsentStates::name).toList(),
                c.tagList(),
                c.locale,
                c.timeZone,
                c.source,
                c.attributes == null ? Map.of() : c.attributes,
                c.version,
                c.createdAt,
                c.updatedAt);
    }
}
