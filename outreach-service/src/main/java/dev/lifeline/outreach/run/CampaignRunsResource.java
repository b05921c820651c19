package dev.lifeline.outreach.run;

import dev.lifeline.kit.tenant.CurrentTenant;
import dev.lifeline.kit.tenant.RequiresTenant;
import dev.lifeline.outreach.campaign.CampaignResource;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/** A campaign's runs, and the manual trigger (optionally a dry run that only counts the audience). */
@Path("/api/v1/campaigns/{id}/runs")
@RequiresTenant
@Produces(MediaType.APPLICATION_JSON)
public class CampaignRunsResource {

    /** Body of a manual trigger; all optional. */
    public record TriggerRequest(
            Boolean dryRun, @Size(max = 100) String platformId) {}

    @Inject
    CurrentTenant tenant;

    @Inject
    RunService runs;

    @GET
    public List<RunView> forCampaign(@PathParam("id") String campaignId) {
        return runs.forCampaign(tenant.id(), CampaignResource.parseId(campaignId));
    }

    /** What the campaign's runs did together: the same counts as a run's, summed. */
    @GET
    @Path("/totals")
    public CampaignTotals totals(@PathParam("id") String campaignId) {
        return runs.totals(tenant.id(), CampaignResource.parseId(campaignId));
    }

    @POST
    public Response trigger(@PathParam("id") String campaignId, @jakarta.validation.Valid TriggerRequest request) {
        TriggerRequest r = request == null ? new TriggerRequest(false, null) : request;
        RunView run = runs.trigger(
                tenant.id(), CampaignResource.parseId(campaignId), Boolean.TRUE.equals(r.dryRun()), r.platformId());
        return Response.accepted(run)
                .location(URI.create("/api/v1/runs/" + run.id()))
                .build();
    }
}
