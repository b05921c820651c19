package dev.lifeline.console.campaigns;

import dev.lifeline.console.services.Answer;
import dev.lifeline.console.services.OutreachClient;
import dev.lifeline.console.services.ServiceUnavailableException;
import dev.lifeline.console.web.CsrfToken;
import dev.lifeline.console.web.Html;
import dev.lifeline.console.web.SignedInBusiness;
import io.quarkus.qute.Template;
import jakarta.ws.rs.BeanParam;
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

/** The Campaigns page: the business's campaigns, and the editor of a campaign of each channel with its preview. */
@Path("/campaigns")
@Produces(MediaType.TEXT_HTML)
public class CampaignsResource {

    private static final Logger LOG = Logger.getLogger(CampaignsResource.class);

    /** A campaign in the list, with what its runs sent so far (null when outreach did not say). */
    public record Listed(OutreachClient.Campaign campaign, OutreachClient.Totals totals) {}

    private final Template campaigns;
    private final Template error;
    private final CampaignEditor editor;
    private final SignedInBusiness owners;
    private final OutreachClient outreach;
    private final CsrfToken csrf;

    public CampaignsResource(
            Template campaigns,
            Template error,
            CampaignEditor editor,
            SignedInBusiness owners,
            OutreachClient outreach,
            CsrfToken csrf) {
        this.campaigns = campaigns;
        this.error = error;
        this.editor = editor;
        this.owners = owners;
        this.outreach = outreach;
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
        // List.of(...).contains(null) throws: an empty ?channel= arrives as null.
        String ch = channel != null && CampaignForm.CHANNELS.contains(channel) ? channel : "email";
        return Html.ok(editor.page(owner.get(), null, CampaignForm.empty(ch), Map.of()));
    }

    @POST
    @Path("new")
    public Response create(
            @RestCookie("lifeline_session") String session,
            @RestForm(CsrfToken.FIELD) String token,
            @BeanParam CampaignFields fields) {
        csrf.verify(token);
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        return editor.save(owner.get(), null, fields.form());
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
        Optional<OutreachClient.Campaign> campaign = editor.find(owner.get(), id);
        if (campaign.isEmpty()) {
            return Html.status(
                    404,
                    error.data("title", "Campaign not found")
                            .data("message", "There is no such campaign in your business.")
                            .data("status", 404));
        }
        String contact = contactId == null || contactId.isBlank() ? null : contactId.strip();
        return Html.ok(
                editor.editPage(owner.get(), campaign.get(), contact, dryRun).data("saved", saved != null));
    }

    @POST
    @Path("{id}")
    public Response replace(
            @RestCookie("lifeline_session") String session,
            @RestPath String id,
            @RestForm(CsrfToken.FIELD) String token,
            @BeanParam CampaignFields fields) {
        csrf.verify(token);
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty()) {
            return Html.signIn();
        }
        return editor.save(
                owner.get(), CampaignEditor.isUuid(id) ? id : UUID.randomUUID().toString(), fields.form());
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
        Optional<OutreachClient.Campaign> campaign = editor.find(owner.get(), id);
        if (campaign.isEmpty()) {
            return Html.to("/campaigns");
        }
        Answer<OutreachClient.Run> run = editor.countAudience(owner.get(), campaign.get());
        return Html.to("/campaigns/" + id + (run.ok() ? "?dryRun=" + run.value().id() : ""));
    }

    /** The dry run's count for the editor's script: {"audience": n}, or null while outreach still counts. */
    @GET
    @Path("dry-runs/{runId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response dryRunCount(@RestCookie("lifeline_session") String session, @RestPath String runId) {
        Optional<SignedInBusiness.Owner> owner = owners.of(session);
        if (owner.isEmpty() || !CampaignEditor.isUuid(runId)) {
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
}
