package dev.lifeline.outreach.campaign;

import dev.lifeline.kit.problem.ProblemException;
import dev.lifeline.outreach.contacts.ContactStore;
import dev.lifeline.outreach.contacts.ProjectedContact;
import dev.lifeline.outreach.delivery.ChannelSenders;
import dev.lifeline.outreach.delivery.MessageRenderer;
import dev.lifeline.outreach.delivery.RenderedMessage;
import dev.lifeline.outreach.delivery.SendResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Sends one campaign message, rendered for a sample or a real contact, to an address the owner gives, through the same
 * sender, sender identity and templates as the real run, with "[Test]" before the subject. It writes no delivery and
 * counts against no run: a test is not part of any outage.
 */
@ApplicationScoped
public class TestSends {

    /** What happened to the test, as the provider said it. */
    public record Outcome(String channel, String to, String status, String detail) {}

    private final CampaignService campaigns;
    private final ContactStore contacts;
    private final MessageRenderer renderer;
    private final ChannelSenders senders;
    private final TestSendQuota quota;

    public TestSends(
            CampaignService campaigns,
            ContactStore contacts,
            MessageRenderer renderer,
            ChannelSenders senders,
            TestSendQuota quota) {
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.renderer = renderer;
        this.senders = senders;
        this.quota = quota;
    }

    public Outcome send(String tenantId, String campaignId, String to, String contactId) {
        Campaign campaign = campaigns
                .find(tenantId, CampaignResource.parseId(campaignId))
                .orElseThrow(() -> ProblemException.notFound("campaign"));
        TestSendAddress.problem(campaign.channel(), to).ifPresent(problem -> {
            throw ProblemException.field(422, "to", problem);
        });
        ProjectedContact subject = PreviewResource.SAMPLE;
        if (contactId != null) {
            subject = contacts.find(tenantId, contactId)
                    .orElseThrow(() -> ProblemException.field(404, "contactId", "is not a contact of this business"));
        }
        if (!quota.take(tenantId)) {
            throw new ProblemException(
                    429, "Too Many Requests", "this business has used its test sends for this hour; try again later");
        }
        String platform = Campaign.ANY_PLATFORM.equals(campaign.platformId()) ? "instagram" : campaign.platformId();
        RenderedMessage rendered =
                renderer.render(campaign, subject, new MessageRenderer.OutageFacts(platform, Instant.now()));
        RenderedMessage test = new RenderedMessage(
                rendered.subject() == null ? null : "[Test] " + rendered.subject(),
                rendered.text(),
                rendered.html(),
                null,
                rendered.template());
        SendResult result = senders.of(campaign.channel().contactChannel())
                .send(addressedTo(tenantId, subject, to), test, "test." + UUID.randomUUID());
        String channel = campaign.channel().id();
        if (result instanceof SendResult.Sent) {
            return new Outcome(channel, to, "sent", null);
        }
        if (result instanceof SendResult.Permanent refused) {
            return new Outcome(channel, to, "refused", refused.error());
        }
        return new Outcome(channel, to, "failed", ((SendResult.Transient) result).error());
    }

    /** The contact the message was rendered for, at the owner's address instead of theirs. */
    private static ProjectedContact addressedTo(String tenantId, ProjectedContact c, String to) {
        boolean email = to.contains("@");
        return new ProjectedContact(
                tenantId,
                c.contactId(),
                c.name(),
                email ? to : null,
                email ? null : to,
                c.locale(),
                c.timeZone(),
                c.tags(),
                c.channelOrder(),
                c.consents());
    }
}
