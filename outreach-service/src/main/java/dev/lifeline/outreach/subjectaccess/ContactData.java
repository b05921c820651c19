package dev.lifeline.outreach.subjectaccess;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything outreach-service holds about one contact of one tenant (GDPR art. 15): its copy of the contact, the
 * channels suppressed here, and every delivery with the campaign and run it belonged to.
 */
public record ContactData(
        String contactId, Projection contact, List<Suppression> suppressions, List<Delivery> deliveries) {

    /** Outreach's copy of the contact, as projected from contacts.v1. */
    public record Projection(
            String name,
            String email,
            String phone,
            String locale,
            String timeZone,
            List<String> tags,
            List<String> channelOrder,
            Map<String, String> consents,
            long version,
            Instant updatedAt) {}

    public record Suppression(String channel, String reason, Instant at) {}

    public record Delivery(
            UUID runId,
            UUID campaignId,
            String campaignName,
            String campaignKind,
            String platformId,
            String channel,
            String state,
            int attempts,
            String providerMessageId,
            String lastError,
            Instant createdAt,
            Instant updatedAt) {}

    public boolean holdsNothing() {
        return contact == null && suppressions.isEmpty() && deliveries.isEmpty();
    }
}
