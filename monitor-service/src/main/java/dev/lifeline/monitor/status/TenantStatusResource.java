package dev.lifeline.monitor.status;

import dev.lifeline.kit.problem.ProblemException;
import dev.lifeline.kit.tenant.CurrentTenant;
import dev.lifeline.kit.tenant.RequiresTenant;
import dev.lifeline.monitor.outage.OutageView;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** A business sees the state and the outages of its own platforms: those it depends on and those it defined. */
@Path("/api/v1/tenant")
@RequiresTenant
@Produces(MediaType.APPLICATION_JSON)
public class TenantStatusResource {

    private final StatusService status;
    private final CurrentTenant tenant;

    public TenantStatusResource(StatusService status, CurrentTenant tenant) {
        this.status = status;
        this.tenant = tenant;
    }

    @GET
    @Path("/status")
    public List<PlatformStatus> status() {
        return status.forTenant(tenant.id());
    }

    @GET
    @Path("/outages")
    public List<OutageView> outages(
            @QueryParam("platformId") String platformId,
            @QueryParam("state") @DefaultValue("all") String state,
            @QueryParam("limit") @DefaultValue("50") String limit) {
        return status.outagesForTenant(tenant.id(), platformId, state, parseLimit(limit));
    }

    private static int parseLimit(String limit) {
        try {
            return Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.field(400, "limit", "must be a whole number");
        }
    }
}
