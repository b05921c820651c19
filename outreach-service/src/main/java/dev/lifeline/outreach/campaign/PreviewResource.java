package dev.lifeline.outreach.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lifeline.events.contact.ConsentStatus;
import dev.lifeline.events.contact.ContactChannel;
import dev.lifeline.kit.problem.ProblemException;
import dev.lifeline.kit.tenant.CurrentTenant;
import dev.lifeline.kit.tenant.RequiresTenant;
import dev.lifeline.outreach.contacts.ContactStore;
import dev.lifeline.outreach.contacts.ProjectedContact;
import dev.lifeline.outreach.delivery.MessageRenderer;
import dev.lifeline.outreach.delivery.RenderedMessage;
import dev.lifeline.outreach.sms.SmsSegments;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Renders a campaign for one of the tenant's contacts, or for a sample contact, without sending anything. */
@Path("/api/v1/campaigns/{id}/preview")
@RequiresTenant
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PreviewResource {

    public record PreviewRequest(
            @Size(max = 100) String contactId,
            @Size(max = 100) String platformId) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Preview(
            String subject,
            String text,
            String html,
            SmsSegments smsSegments,
            RenderedMessage.Template whatsappTemplate) {}

    static final ProjectedContact SAMPLE = new ProjectedContact(
            "sample",
            "sample",
            "Alex Sample",
            "alex@example.com",
            "+4915112345678",
            "en",
            "Europe/Berlin",
            List.of(),
            List.of(),
            Map.of(ContactChannel.EMAIL, ConsentStatus.CONFIRMED, ContactChannel.SMS, ConsentStatus.CONFIRMED));

    @Inject
    CurrentTenant tenant;

    @Inject
    CampaignService campaigns;

    @Inject
    ContactStore contacts;

    @Inject
    MessageRenderer renderer;

    @POST
    public Preview preview(@PathParam("id") String id, @Valid PreviewRequest request) {
        Campaign campaign = campaigns
                .find(tenant.id(), CampaignResource.parseId(id))
                .orElseThrow(() -> ProblemException.notFound("campaign"));
        ProjectedContact contact = SAMPLE;
        if (request != null && request.contactId() != null) {
            contact = contacts.find(tenant.id(), request.contactId())
                    .orElseThrow(() -> ProblemException.field(404, "contactId", "is not a contact of this business"));
        }
        String platform = request != null && request.platformId() != null
                ? request.platformId()
                : Campaign.ANY_PLATFORM.equals(campaign.platformId()) ? "instagram" : campaign.platformId();
        RenderedMessage m =
                renderer.render(campaign, contact, new MessageRenderer.OutageFacts(platform, Instant.now()));
        return new Preview(
                m.subject(),
                m.text(),
                m.html(),
                campaign.channel() == CampaignChannel.SMS && m.text() != null ? SmsSegments.of(m.text()) : null,
                m.template());
    }
}
