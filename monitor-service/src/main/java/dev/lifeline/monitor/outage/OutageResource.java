package dev.lifeline.monitor.outage;

import dev.lifeline.kit.tenant.RequiresAdmin;
import dev.lifeline.monitor.health.HealthMonitor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** An operator declares or resolves an outage by hand; their word wins over the probes until they resolve it. */
@Path("/api/v1/platforms/{platformId}/outages")
@RequiresAdmin
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OutageResource {

    private final OutageService outages;
    private final HealthMonitor health;

    public OutageResource(OutageService outages, HealthMonitor health) {
        this.outages = outages;
        this.health = health;
    }

    @POST
    public Response declare(@PathParam("platformId") String platformId, @Valid @NotNull DeclareOutageRequest request) {
        OutageView outage = outages.declare(platformId, request, health.evidence(platformId));
        return Response.created(URI.create("/api/v1/platforms/" + platformId + "/outages/" + outage.id()))
                .entity(outage)
                .build();
    }

    @POST
    @Path("/current/resolve")
    public OutageView resolve(
            @PathParam("platformId") String platformId, @Valid @NotNull ResolveOutageRequest request) {
        return outages.resolve(platformId, request.resolvedBy());
    }
}
