package dev.lifeline.outreach.run;

import dev.lifeline.kit.problem.ProblemException;
import dev.lifeline.kit.tenant.CurrentTenant;
import dev.lifeline.kit.tenant.RequiresTenant;
import dev.lifeline.outreach.delivery.DeliveryHistory;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.UUID;

/** A run with live counts, its per-recipient delivery status, and cancel. */
@Path("/api/v1/runs/{id}")
@RequiresTenant
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    @Inject
    CurrentTenant tenant;

    @Inject
    RunService runs;

    @GET
    public RunView get(@PathParam("id") String runId) {
        return runs.get(tenant.id(), runId(runId));
    }

    @POST
    @Path("cancel")
    public RunView cancel(@PathParam("id") String runId) {
        return runs.cancel(tenant.id(), runId(runId));
    }

    @GET
    @Path("deliveries")
    public List<DeliveryHistory.Row> deliveries(
            @PathParam("id") String runId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        return runs.deliveries(tenant.id(), runId(runId), limit, offset);
    }

    private static UUID runId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("run");
        }
    }
}
