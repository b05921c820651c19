package dev.lifeline.outreach.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lifeline.outreach.delivery.QuietHours;
import dev.lifeline.outreach.sms.SmsSegments;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A campaign as the API shows it: the webhook secret is never echoed back. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignView(
        UUID id,
        String name,
        String platformId,
        CampaignChannel channel,
        CampaignKind kind,
        String subject,
        String textBody,
        String htmlBody,
        String webhookUrl,
        Boolean webhookSecretSet,
        WhatsAppTemplate whatsappTemplate,
        Campaign.Links links,
        List<String> tags,
        String gracePeriod,
        QuietHours quietHours,
        boolean active,
        SmsSegments smsSegments,
        Instant createdAt,
        Instant updatedAt) {

    public static CampaignView of(Campaign c) {
        return new CampaignView(
                c.id(),
                c.name(),
                c.platformId(),
                c.channel(),
                c.kind(),
                c.subject(),
                c.textBody(),
                c.htmlBody(),
                c.webhookUrl(),
                c.channel() == CampaignChannel.WEBHOOK ? c.webhookSecret() != null : null,
                c.whatsappTemplate(),
                c.links(),
                c.tags(),
                c.gracePeriod().toString(),
                c.quietHours(),
                c.active(),
                c.channel() == CampaignChannel.SMS && c.textBody() != null ? SmsSegments.of(c.textBody()) : null,
                c.createdAt(),
                c.updatedAt());
    }
}
