package dev.lifeline.console.campaigns;

import dev.lifeline.console.services.Answer;
import dev.lifeline.console.services.FieldProblems;
import dev.lifeline.console.services.MonitorClient;
import dev.lifeline.console.services.OutreachClient;
import dev.lifeline.console.services.ServiceUnavailableException;
import dev.lifeline.console.web.CsrfToken;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The Campaigns page: the business's campaigns, and the editor of an e-mail or SMS campaign with its preview. */
@Path("/campaigns")
@Produces(MediaType.TEXT_HTML)
public class CampaignsResource {

    private static final Logger LOG = Logger.getLogger(CampaignsResource.class);

    /** A campaign in the list, with what its runs sent so far (null when outreach did not say). */
    public record Listed(OutreachClient.Campaign campaign, OutreachClient.Totals totals) {}

    private final Template campaigns;
    private final Template campaignEdit;
    private final Template error;
    private final SignedInBusiness owners;
    private final OutreachClient outreach;
    private final MonitorClient monitor;
    private final CsrfToken csrf;

    public CampaignsResource(
            Template campaigns,
            Template campaignEdit,
            Template error,
            SignedInBusiness owners,
            OutreachClient outreach,
            MonitorClient monitor,
            CsrfToken csrf) {
        this.campaigns = campaigns;
        this.campaignEdit = campaignEdit;
        this.error = error;
        this.owners = owners;
        this.outreach = outreach;
        this.monitor = monitor;
        this.csrf = csrf;
    }

    @GET
    public Response list(@RestCookie("lifeline_session") String session) {
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        String key = owner.get().key();
        List<Listed> listed = new ArrayList<>();
        for (OutreachClient.Campaign c : outreach.campaigns(key)) {
            listed.add(new Listed(c, outreach.totals(key, c.id())));
        }
        return Html.ok(campaigns.data("owner", owner.get()).data("campaigns", listed));
    }

    @GET
    @Path("new")
    public Response newCampaign(@RestCookie("lifeline_session") String session, @RestQuery String channel) {
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        String ch = "sms".equals(channel) ? "sms" : "email";
        return Html.ok(editor(owner.get(), null, CampaignForm.empty(ch), Map.of()));
    }

    @POST
    @Path("new")
    public Response create(
            @RestCookie("lifeline_session") String session,
            @RestForm(CsrfToken.FIELD) String token,
            @RestForm String channel,
            @RestForm String name,
            @RestForm String platformId,
            @RestForm String subject,
            @RestForm String textBody,
            @RestForm String htmlBody,
            @RestForm String graceMinutes,
            @RestForm String quietStart,
            @RestForm String quietEnd,
            @RestForm String active) {
        csrf.verify(token);
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        CampaignForm form = new CampaignForm(
                channel,
                name,
                platformId,
                subject,
                textBody,
                htmlBody,
                graceMinutes,
                quietStart,
                quietEnd,
                active != null);
        return save(owner.get(), null, form);
    }

    @GET
    @Path("{id}")
    public Response edit(
            @RestCookie("lifeline_session") String session,
            @RestPath String id,
            @RestQuery String contactId,
            @RestQuery String dryRun,
            @RestQuery String saved) {
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        Optional<OutreachClient.Campaign> campaign = find(owner.get(), id);
        if (campaign.isEmpty()) {
            return Html.status(
                    404,
                    error.data("title", "Campaign not found")
                            .data("message", "There is no such campaign in your business.")
                            .data("status", 404));
        }
        String contact = contactId == null || contactId.isBlank() ? null : contactId.strip();
        Answer<OutreachClient.Preview> preview = outreach.preview(owner.get().key(), id, contact);
        Optional<OutreachClient.Run> count = dryRun == null || !isUuid(dryRun)
                ? Optional.empty()
                : outreach.run(owner.get().key(), dryRun);
        return Html.ok(editor(owner.get(), id, CampaignForm.of(campaign.get()), Map.of())
                .data("preview", preview.value())
                .data(
                        "previewError",
                        preview.ok()
                                ? null
                                : String.join(" ", preview.problems().values()))
                .data("contactId", contact == null ? "" : contact)
                .data("dryRun", count.orElse(null))
                .data("saved", saved != null));
    }

    @POST
    @Path("{id}")
    public Response replace(
            @RestCookie("lifeline_session") String session,
            @RestPath String id,
            @RestForm(CsrfToken.FIELD) String token,
            @RestForm String channel,
            @RestForm String name,
            @RestForm String platformId,
            @RestForm String subject,
            @RestForm String textBody,
            @RestForm String htmlBody,
            @RestForm String graceMinutes,
            @RestForm String quietStart,
            @RestForm String quietEnd,
            @RestForm String active) {
        csrf.verify(token);
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        CampaignForm form = new CampaignForm(
                channel,
                name,
                platformId,
                subject,
                textBody,
                htmlBody,
                graceMinutes,
                quietStart,
                quietEnd,
                active != null);
        return save(owner.get(), isUuid(id) ? id : UUID.randomUUID().toString(), form);
    }

    /** Counts who would get the campaign now (outreach's dry run), without sending anything. */
    @POST
    @Path("{id}/audience")
    public Response countAudience(
            @RestCookie("lifeline_session") String session,
            @RestPath String id,
            @RestForm(CsrfToken.FIELD) String token) {
        csrf.verify(token);
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        Optional<OutreachClient.Campaign> campaign = find(owner.get(), id);
        if (campaign.isEmpty()) {
            return Html.to("/campaigns");
        }
        String platform = null;
        if ("any".equals(campaign.get().platformId())) {
            // A run speaks for one platform; for "any" the count is the same whichever the business depends on.
            platform =
                    monitor.dependencies(owner.get().key()).stream().findFirst().orElse("instagram");
        }
        Answer<OutreachClient.Run> run = outreach.dryRun(owner.get().key(), id, platform);
        return Html.to("/campaigns/" + id + (run.ok() ? "?dryRun=" + run.value().id() : ""));
    }

    /** The dry run's count for the editor's script: {"audience": n}, or null while outreach still counts. */
    @GET
    @Path("dry-runs/{runId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response dryRunCount(@RestCookie("lifeline_session") String session, @RestPath String runId) {
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty() || !isUuid(runId)) {
            return Response.status(owner.isEmpty() ? 401 : 404).build();
        }
        Optional<OutreachClient.Run> run = outreach.run(owner.get().key(), runId);
        return run.map(r -> Response.ok(Map.of(
                        "audience", r.audience() == null ? "" : r.audience().toString())))
                .orElse(Response.status(404))
                .build();
    }

    /** The SMS counter for the editor's script, as it types. */
    @GET
    @Path("segments")
    @Produces(MediaType.APPLICATION_JSON)
    public SmsSegments segments(@RestQuery String text) {
        return SmsSegments.of(text == null || text.length() > 5_000 ? "" : text);
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailableException e) {
        LOG.warnf("Campaigns page without a service: %s", e.getMessage());
        return Html.unavailable(error.instance(), "Campaigns");
    }

    @ServerExceptionMapper
    public Response refused(IllegalStateException e) {
        LOG.warnf("Campaigns page: %s", e.getMessage());
        return Html.unavailable(error.instance(), "Campaigns");
    }

    private Response save(SignedInBusiness.Owner owner, String id, CampaignForm form) {
        Map<String, String> errors = form.errors();
        if (!errors.isEmpty()) {
            return Html.status(400, editor(owner, id, form, errors));
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
            return Html.status(status, editor(owner, id, form, CampaignForm.mapped(answer.problems())));
        }
        return Html.to("/campaigns/" + answer.value().id() + "?saved=1");
    }

    private TemplateInstance editor(
            SignedInBusiness.Owner owner, String id, CampaignForm form, Map<String, String> errors) {
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
                .data("saved", false);
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

    private Optional<OutreachClient.Campaign> find(SignedInBusiness.Owner owner, String id) {
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
