package dev.lifeline.outreach.campaign;

import dev.lifeline.kit.validation.SingleLine;
import dev.lifeline.outreach.delivery.QuietHours;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Duration;
import java.util.List;

/** Body of POST/PUT /api/v1/campaigns. Channel-specific rules are checked by {@link CampaignRules}. */
public record CampaignRequest(
        @NotBlank @Size(max = 200) @SingleLine String name,
        @NotBlank @Size(max = 100) String platformId,
        @NotNull CampaignChannel channel,
        CampaignKind kind,
        @Size(max = 500) @SingleLine String subject,
        @Size(max = 20_000) String textBody,
        @Size(max = 100_000) String htmlBody,
        @Size(max = 2_000) String webhookUrl,
        @Size(max = 200) String webhookSecret,
        @Valid WhatsAppTemplate whatsappTemplate,
        Campaign.Links links,
        List<@NotBlank @Size(max = 100) String> tags,
        Duration gracePeriod,
        QuietHours quietHours,
        Boolean active) {}
