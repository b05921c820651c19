package dev.lifeline.console.campaigns;

import dev.lifeline.console.services.Answer;
import dev.lifeline.console.services.FieldProblems;
import dev.lifeline.console.services.MonitorClient;
import dev.lifeline.console.services.OutreachClient;
import dev.lifeline.console.services.ServiceUnavailableException;
import dev.lifeline.console.web.Html;
import dev.lifeline.console.web.SignedInBusiness;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The campaign editor behind the Campaigns page's endpoints: what it shows (form, errors, platform choice) and how a
 * submitted form becomes outreach's campaign, so the resource only maps requests.
 */
@ApplicationScoped
public class CampaignEditor {

    private static final Logger LOG = Logger.getLogger(CampaignEditor.class);

    private final Template campaignEdit;
    private final OutreachClient outreach;
    private final MonitorClient monitor;

    public CampaignEditor(Template campaignEdit, OutreachClient outreach, MonitorClient monitor) {
        this.campaignEdit = campaignEdit;
        this.outreach = outreach;
        this.monitor = monitor;
    }

    Response save(SignedInBusiness.Owner owner, String id, CampaignForm typed) {
        // A saved webhook campaign has its secret: an empty field keeps it (outreach's replace without one does).
        CampaignForm form = id == null ? typed : typed.editing();
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) {
            return Html.status(400, page(owner, id, form, errors));
        }
        Answer<OutreachClient.Campaign> answer = id == null
                ? outreach.create(owner.key(), form.request())
                : outreach.replace(owner.key(), id, form.request());
        if (!answer.ok()) {
            int status = answer.problems().containsKey(FieldProblems.GENERAL)
                            && answer.problems().size() == 1
                            && id != null
                    ? 404
                    : 400;
            return Html.status(status, page(owner, id, form, CampaignForm.mapped(answer.problems())));
        }
        return Html.to("/campaigns/" + answer.value().id() + "?saved=1");
    }

    /** The editor with nothing previewed or counted yet; the edit page adds those. */
    TemplateInstance page(SignedInBusiness.Owner owner, String id, CampaignForm form, Map<String, String> errors) {
        return campaignEdit
                .data("owner", owner)
                .data("id", id)
                .data("form", form)
                .data("errors", errors)
                .data("platforms", platforms(form.platformId()))
                .data("preview", null)
                .data("previewError", null)
                .data("contactId", "")
                .data("dryRun", null)
                .data("saved", false)
                .data("testTo", owner.user().email)
                .data("testSend", null)
                .data("testError", null);
    }

    /** The editor of a saved campaign: its preview for a sample or the given contact, and a dry run's count. */
    TemplateInstance editPage(
            SignedInBusiness.Owner owner, OutreachClient.Campaign campaign, String contactId, String dryRunId) {
        // A webhook goes to the business, not to a contact: the page explains its payload instead of a preview.
        Answer<OutreachClient.Preview> preview = "webhook".equals(campaign.channel())
                ? Answer.of(null)
                : outreach.preview(owner.key(), campaign.id(), contactId);
        Optional<OutreachClient.Run> count =
                dryRunId == null || !isUuid(dryRunId) ? Optional.empty() : outreach.run(owner.key(), dryRunId);
        return page(owner, campaign.id(), CampaignForm.of(campaign), Map.of())
                .data("preview", preview.value())
                .data(
                        "previewError",
                        preview.ok()
                                ? null
                                : String.join(" ", preview.problems().values()))
                .data("contactId", contactId == null ? "" : contactId)
                .data("dryRun", count.orElse(null))
                .data("testTo", "email".equals(campaign.channel()) ? owner.user().email : "");
    }

    /** Starts outreach's dry run: who would get the campaign now, counted without sending anything. */
    Answer<OutreachClient.Run> countAudience(SignedInBusiness.Owner owner, OutreachClient.Campaign campaign) {
        String platform = null;
        if ("any".equals(campaign.platformId())) {
            // A run speaks for one platform; for "any" the count is the same whichever the business depends on.
            platform = monitor.dependencies(owner.key()).stream().findFirst().orElse("instagram");
        }
        return outreach.dryRun(owner.key(), campaign.id(), platform);
    }

    /** The catalogue for the platform choice; without monitor-service, at least "any" and the current one. */
    private List<MonitorClient.Platform> platforms(String current) {
        List<MonitorClient.Platform> list = new ArrayList<>();
        list.add(new MonitorClient.Platform("any", "Any platform my business depends on", "", false));
        try {
            list.addAll(monitor.catalogue());
        } catch (ServiceUnavailableException | IllegalStateException e) {
            LOG.warnf("No platform catalogue for the campaign editor: %s", e.getMessage());
        }
        if (current != null && !current.isBlank() && list.stream().noneMatch(p -> p.id().equals(current))) {
            list.add(new MonitorClient.Platform(current, current, "", false));
        }
        return list;
    }

    Optional<OutreachClient.Campaign> find(SignedInBusiness.Owner owner, String id) {
        return isUuid(id) ? outreach.campaign(owner.key(), id) : Optional.empty();
    }

    static boolean isUuid(String s) {
        try {
            UUID.fromString(s);
            return s.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
