package dev.lifeline.outreach.campaign;

import dev.lifeline.outreach.delivery.QuietHours;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A business's prepared message for an outage of one platform (or {@code any}) on one channel. */
public record Campaign(
        UUID id,
        String tenantId,
        String name,
        String platformId,
        CampaignChannel channel,
        CampaignKind kind,
        String subject,
        String textBody,
        String htmlBody,
        String webhookUrl,
        String webhookSecret,
        WhatsAppTemplate whatsappTemplate,
        Links links,
        List<String> tags,
        Duration gracePeriod,
        QuietHours quietHours,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    public static final String ANY_PLATFORM = "any";

    /** The business's alternative ways to be reached while the platform is down. */
    public record Links(String webShop, String phone, String email) {
        public static final Links NONE = new Links(null, null, null);
    }

    public boolean covers(String platform) {
        return ANY_PLATFORM.equals(platformId) || platformId.equals(platform);
    }
}
