package dev.lifeline.console.campaigns;

import org.jboss.resteasy.reactive.RestForm;

/**
 * The editor's posted fields, read once for both the create and the replace endpoint, so that a new channel's input
 * is added here and in {@link CampaignForm} and the resource's method signatures stay short.
 */
public class CampaignFields {

    @RestForm
    String channel;

    @RestForm
    String name;

    @RestForm
    String platformId;

    @RestForm
    String subject;

    @RestForm
    String textBody;

    @RestForm
    String htmlBody;

    @RestForm
    String graceMinutes;

    @RestForm
    String quietStart;

    @RestForm
    String quietEnd;

    @RestForm
    String active;

    @RestForm
    String templateName;

    @RestForm
    String templateLanguage;

    @RestForm
    String templateParameters;

    @RestForm
    String webhookUrl;

    @RestForm
    String webhookSecret;

    /** The form as typed; {@code webhookSecretSet} is the editor's to say, never the browser's. */
    CampaignForm form() {
        return new CampaignForm(
                channel,
                name,
                platformId,
                subject,
                textBody,
                htmlBody,
                graceMinutes,
                quietStart,
                quietEnd,
                active != null,
                templateName,
                templateLanguage,
                templateParameters,
                webhookUrl,
                webhookSecret,
                false);
    }
}
