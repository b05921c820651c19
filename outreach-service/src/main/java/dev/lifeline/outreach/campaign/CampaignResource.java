package dev.lifeline.outreach.campaign;

import dev.lifeline.kit.problem.ProblemException;
import dev.lifeline.kit.tenant.CurrentTenant;
import dev.lifeline.kit.tenant.RequiresTenant;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

@Path("/api/v1/campaigns")
@RequiresTenant
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignResource {

    @Inject
    CurrentTenant tenant;

    @Inject
    CampaignService campaigns;

    @POST
    public Response create(@NotNull @Valid CampaignRequest request) {
        Campaign c = checked(() -> campaigns.create(tenant.id(), request));
        return Response.created(URI.create("/api/v1/campaigns/" + c.id()))
                .entity(CampaignView.of(c))
                .build();
    }

    @GET
    public List<CampaignView> list() {
        return campaigns.list(tenant.id()).stream().map(CampaignView::of).toList();
    }

    @GET
    @Path("{id}")
    public CampaignView get(@PathParam("id") String id) {
        return CampaignView.of(
                campaigns.find(tenant.id(), parseId(id)).orElseThrow(() -> ProblemException.notFound("campaign")));
    }

    @PUT
    @Path("{id}")
    public CampaignView replace(@PathParam("id") String id, @NotNull @Valid CampaignRequest request) {
        UUID uuid = parseId(id);
        return CampaignView.of(checked(() -> campaigns.replace(tenant.id(), uuid, request))
                .orElseThrow(() -> ProblemException.notFound("campaign")));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        if (!campaigns.delete(tenant.id(), parseId(id))) {
            throw ProblemException.notFound("campaign");
        }
        return Response.noContent().build();
    }

    /** Campaign ids are UUIDs; anything else cannot exist. */
    public static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("campaign");
        }
    }

    static <T> T checked(Supplier<T> action) {
        try {
            return action.get();
        } catch (CampaignRules.Violation v) {
            throw ProblemException.field(v.status(), v.field(), v.getMessage());
        }
    }
}
