package dev.lifeline.contact.consent;

import dev.lifeline.contact.profile.ConsentStates;
import dev.lifeline.contact.profile.Contact;
import dev.lifeline.events.contact.ContactChannel;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code GET /api/v1/contacts/{id}/consents} shows: the current state and every ledger line behind it. */
public record ConsentProof(String contactId, boolean erased, Map<String, String> current, List<Line> events) {

    public record Line(
            long seq,
            String channel,
            String action,
            String status,
            String source,
            Instant occurredAt,
            String ip,
            String userAgent,
            String consentText,
            String consentVersion) {}

    public static ConsentProof of(Contact contact, List<ConsentEvent> ledger) {
        Map<String, String> current = new LinkedHashMap<>();
        for (ContactChannel channel : ContactChannel.values()) {
            current.put(ConsentStates.name(channel), ConsentStates.format(contact.consent(channel)));
        }
        List<Line> lines = ledger.stream()
                .map(e -> new Line(
                        e.id,
                        e.channel,
                        e.action,
                        e.status,
                        e.source,
                        e.occurredAt,
                        EvidenceCipher.decrypt(contact.evidenceKey, e.ipEncrypted),
                        EvidenceCipher.decrypt(contact.evidenceKey, e.userAgentEncrypted),
                        e.consentText,
                        e.consentVersion))
                .toList();
        return new ConsentProof(contact.id.toString(), contact.erased(), current, lines);
    }
}
